// The FAQ's AnswerComposer on Azure OpenAI through teams-ai: an ActionPlanner with an OpenAIModel in Azure
// mode completes one fixed prompt ("faq-answer") whose text comes from the FAQ feature (buildComposePrompt).
// Lives here because only src/teams/ may import teams-ai; the citation check and the fallback are the
// feature's (src/faq/generative.ts).
import type { Agent } from 'node:http';
import { BotAdapter, TurnContext, type Activity, type ConversationReference, type ResourceResponse } from 'botbuilder';
import { ActionPlanner, OpenAIModel, Prompt, PromptManager, SystemMessage, UserMessage, type Memory, type PromptTemplate } from '@microsoft/teams-ai';
import type { Locale } from '../i18n/locale.js';
import type { FaqAnswer } from '../faq/engine.js';
import { buildComposePrompt, COMPOSE_TIMEOUT_MS, type AnswerComposer } from '../faq/generative.js';

export interface AzureOpenAIComposerOptions {
  /** https://RESOURCE.openai.azure.com (teams-ai accepts only https). */
  endpoint: string;
  apiKey: string;
  deployment: string;
  /** A GA Azure OpenAI data-plane version that has chat completions. */
  apiVersion?: string;
  /** Per request; withComposer enforces the same bound around the whole call. */
  timeoutMs?: number;
  /** For a private CA (e.g. the test stand-in's self-signed certificate) or a proxy. */
  httpAgent?: Agent;
}

const PROMPT_NAME = 'faq-answer';
const INSTRUCTIONS = 'temp.faqInstructions';
const QUESTION = 'temp.faqQuestion';

/** Request-scoped memory: the prompt sections read the instructions and the question from it. */
class CallMemory implements Memory {
  private readonly values = new Map<string, unknown>();
  private key(path: string): string {
    return path.includes('.') ? path : `temp.${path}`;
  }
  deleteValue(path: string): void {
    this.values.delete(this.key(path));
  }
  hasValue(path: string): boolean {
    return this.values.has(this.key(path));
  }
  getValue<TValue = unknown>(path: string): TValue {
    return this.values.get(this.key(path)) as TValue;
  }
  setValue(path: string, value: unknown): void {
    this.values.set(this.key(path), value);
  }
}

/**
 * Answers are composed inside FaqService, outside any Teams turn, but teams-ai's planner wants a
 * TurnContext. It only compares it by identity unless streaming, which is off: nothing is ever sent here.
 */
class DetachedAdapter extends BotAdapter {
  private fail(): never {
    throw new Error('the FAQ composer has no conversation to send to');
  }
  sendActivities(_context: TurnContext, _activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    this.fail();
  }
  updateActivity(_context: TurnContext, _activity: Partial<Activity>): Promise<void> {
    this.fail();
  }
  deleteActivity(_context: TurnContext, _reference: Partial<ConversationReference>): Promise<void> {
    this.fail();
  }
  continueConversation(_reference: Partial<ConversationReference>, _logic: (context: TurnContext) => Promise<void>): Promise<void> {
    this.fail();
  }
}

function faqAnswerPrompt(): PromptTemplate {
  return {
    name: PROMPT_NAME,
    // Template variables, not literal text: the passages and the question may contain "{{", which a
    // TemplateSection would otherwise parse.
    prompt: new Prompt([new SystemMessage(`{{$${INSTRUCTIONS}}}`), new UserMessage(`{{$${QUESTION}}}`, -1, '')]),
    config: {
      schema: 1.1,
      type: 'completion',
      completion: {
        completion_type: 'chat',
        // Low temperature: the answer should restate the passages, not vary.
        temperature: 0.1,
        top_p: 1,
        presence_penalty: 0,
        frequency_penalty: 0,
        max_tokens: 400,
        max_input_tokens: 6000,
        include_history: false,
        include_input: false,
        include_images: false,
      },
    },
  };
}

export function createAzureOpenAIComposer(options: AzureOpenAIComposerOptions): AnswerComposer {
  const timeout = options.timeoutMs ?? COMPOSE_TIMEOUT_MS;
  const model = new OpenAIModel({
    azureEndpoint: options.endpoint,
    azureApiKey: options.apiKey,
    azureDefaultDeployment: options.deployment,
    azureApiVersion: options.apiVersion ?? '2024-06-01',
    useSystemMessages: true,
    // No hidden retries: one bounded attempt, then the offline answer (withComposer). teams-ai 1.7.4 does
    // not hand its own maxRetries to the Azure client (it would retry twice): it goes in clientOptions.
    maxRetries: 0,
    clientOptions: { timeout, maxRetries: 0, ...(options.httpAgent ? { httpAgent: options.httpAgent } : {}) },
  });
  // The folder is never read: the only prompt is registered in code below.
  const prompts = new PromptManager({ promptsFolder: '' });
  prompts.addPrompt(faqAnswerPrompt());
  // No repair round-trips: an invalid answer falls back to the offline one instead of costing another call.
  const planner = new ActionPlanner({ model, prompts, defaultPrompt: PROMPT_NAME, max_repair_attempts: 0 });
  const adapter = new DetachedAdapter();

  return {
    async compose(question: string, locale: Locale, offline: FaqAnswer): Promise<FaqAnswer> {
      const prompt = buildComposePrompt(question, locale, offline.sources);
      const memory = new CallMemory();
      memory.setValue(INSTRUCTIONS, prompt.system);
      memory.setValue(QUESTION, prompt.user);
      const context = new TurnContext(adapter, { type: 'message', locale });
      const response = await planner.completePrompt(context, memory, PROMPT_NAME);
      if (response.status !== 'success') throw response.error ?? new Error(`completion ${response.status}`);
      const content = response.message?.content;
      if (typeof content !== 'string') throw new Error('completion without text');
      return { ...offline, answer: content };
    },
  };
}
