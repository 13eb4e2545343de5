// The Agents Playground's page as a person sees it: conversations on the left, the chat in the middle, the
// Log Panel on the right. Selectors come from exploring version 0.2.28's DOM: bot messages (text and cards)
// are Fluent AI "OutputCard"s, the compose box is a rich-text editor (role=textbox, data-lexical-editor), conversations are tree items named
// "Personal Chat", "Group Chat", "My Team - General" and "My Team - Announcements", and every log line starts
// with a "[h:mm:ss PM]" time stamp. Channels show threads (Fluent cards) instead of a chat. Every wait is bounded and fails with what the page showed instead.
import type { Locator, Page } from 'playwright-core';
import type { PlaygroundHandle } from '../../../scripts/playground.js';

export type ConversationName = 'Personal Chat' | 'Group Chat' | 'My Team - General' | 'My Team - Announcements';

export interface LogEntry {
  /** "installationUpdate", "message", "invoke", ... */
  type: string;
  /** The bot's HTTP status for that request. */
  status: number;
  line: string;
}

const BOT_MESSAGE = '.fai-OutputCard';
const COMPOSE_BOX = '[role="textbox"][data-lexical-editor="true"]';
const CHANNEL_THREAD = '[role=group].fui-Card';
const INVOKE_BANNER_DISMISS = 'Dismiss Invoke Message';
/** The name the Playground gives the bot under test. */
export const BOT_NAME = 'Test Bot';
const LOG_LINE = 'div:has(> span:text-matches("^\\\\[\\\\d{1,2}:\\\\d{2}:\\\\d{2}"))';
// "Microsoft 365 Agents Playground -> User Application invoke 200": a request to the bot and its answer.
const REQUEST_LINE = /Agents Playground\s*(?:->|→)\s*User Application\s+([\w/]+)\s+(\d{3})/;

const show = (expected: string | RegExp) => (typeof expected === 'string' ? JSON.stringify(expected) : String(expected));
const clip = (s: string, n = 300) => (s.length > n ? `${s.slice(0, n)}…` : s);

export async function waitUntil<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
  describeFailure: () => Promise<string>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() >= deadline) throw new Error(await describeFailure());
    await new Promise((r) => setTimeout(r, 150));
  }
}

export class PlaygroundPage {
  constructor(
    readonly page: Page,
    private readonly playground: PlaygroundHandle,
  ) {}

  async open(timeoutMs = 30_000): Promise<void> {
    await this.page.goto(this.playground.url, { timeout: timeoutMs });
    try {
      await this.composeBox().waitFor({ state: 'visible', timeout: timeoutMs });
    } catch {
      throw new Error(`the Playground page showed no compose box within ${timeoutMs} ms\n--- Playground output ---\n${this.playground.output()}`);
    }
  }

  /** The compose box (a rich-text editor); card inputs are plain inputs and text areas, so never match. */
  composeBox(): Locator {
    return this.page.locator(COMPOSE_BOX);
  }

  botMessages(): Locator {
    return this.page.locator(BOT_MESSAGE);
  }

  async botMessageCount(): Promise<number> {
    return this.botMessages().count();
  }

  async openConversation(name: ConversationName): Promise<void> {
    await this.page.getByRole('treeitem', { name, exact: true }).click({ timeout: 10_000 });
    // Channels show a "Start a new post" box and one reply box per thread; chats show one compose box.
    await this.composeBox().first().waitFor({ state: 'visible', timeout: 10_000 });
  }

  /** Types into the compose box and sends with Enter, as a person would. */
  async send(text: string): Promise<void> {
    const box = this.composeBox();
    await box.click({ timeout: 10_000 });
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  /** Sends a message and returns the first new bot message whose text matches. */
  async ask(text: string, expected: string | RegExp, timeoutMs = 15_000): Promise<Locator> {
    const before = await this.botMessageCount();
    await this.send(text);
    return this.waitForBotMessage(expected, { after: before, timeoutMs, what: `an answer to "${text}"` });
  }

  /** Waits for a bot message (index >= after) whose visible text matches; returns its locator. */
  async waitForBotMessage(
    expected: string | RegExp,
    options: { after?: number; timeoutMs?: number; what?: string } = {},
  ): Promise<Locator> {
    const after = options.after ?? 0;
    const timeoutMs = options.timeoutMs ?? 15_000;
    const matches = (t: string) => (typeof expected === 'string' ? t.includes(expected) : expected.test(t));
    return waitUntil(
      async () => {
        const all = this.botMessages();
        const n = await all.count();
        for (let i = after; i < n; i++) {
          const message = all.nth(i);
          if (matches(await message.innerText())) return message;
        }
        return undefined;
      },
      timeoutMs,
      async () => {
        const texts = await this.botMessages().allInnerTexts();
        const recent = texts.slice(Math.max(after, texts.length - 3)).map((t) => `  - ${clip(t.replace(/\s+/g, ' '))}`);
        const log = (await this.logLines()).slice(-6).map((l) => `  ${clip(l, 160)}`);
        return [
          `no bot message matching ${show(expected)} appeared within ${timeoutMs} ms${options.what ? ` (waiting for ${options.what})` : ''}`,
          `new bot messages (${Math.max(0, texts.length - after)}):`,
          ...(recent.length ? recent : ['  (none)']),
          'last Log Panel lines:',
          ...log,
        ].join('\n');
      },
    );
  }

  /** Waits until `target` (a message, a card, a thread) shows text matching `expected`. */
  async waitForText(target: Locator, expected: string | RegExp, options: { timeoutMs?: number; what?: string } = {}): Promise<string> {
    const timeoutMs = options.timeoutMs ?? 15_000;
    const matches = (t: string) => (typeof expected === 'string' ? t.includes(expected) : expected.test(t));
    return waitUntil(
      async () => {
        const text = await target.innerText({ timeout: 2000 }).catch(() => '');
        return matches(text) ? text : undefined;
      },
      timeoutMs,
      async () =>
        [
          `${options.what ?? 'the element'} showed no text matching ${show(expected)} within ${timeoutMs} ms`,
          `it showed: ${clip((await target.innerText({ timeout: 2000 }).catch(() => '(gone)')).replace(/\s+/g, ' '), 500)}`,
          'last Log Panel lines:',
          ...(await this.logLines()).slice(-6).map((l) => `  ${clip(l, 160)}`),
        ].join('\n'),
    );
  }

  /** Clicks an Adaptive Card button (Action.Execute / Action.Submit) by its title inside a message. */
  async clickCardButton(message: Locator, title: string | RegExp): Promise<void> {
    const button = message.getByRole('button', { name: title, exact: typeof title === 'string' });
    await button.click({ timeout: 10_000 });
  }

  /** The banner the Playground shows under a card when an invoke is answered with an error or a message. */
  invokeBanner(message: Locator): Locator {
    return message.locator(`div:has(> button[aria-label="${INVOKE_BANNER_DISMISS}"]) > span`);
  }

  /** The Log Panel's lines, oldest first. */
  async logLines(): Promise<string[]> {
    const lines = await this.page.locator(LOG_LINE).allInnerTexts();
    return lines.map((l) => l.replace(/\s+/g, ' ').trim());
  }

  /** Requests the Playground sent to the bot, with the bot's HTTP status, as its Log Panel lists them. */
  async requests(): Promise<LogEntry[]> {
    const entries: LogEntry[] = [];
    for (const line of await this.logLines()) {
      const m = REQUEST_LINE.exec(line);
      if (m) entries.push({ type: m[1]!, status: Number(m[2]), line });
    }
    return entries;
  }

  /** Waits until the Log Panel lists a request of that type; returns the newest such entry. */
  async waitForRequest(type: string, timeoutMs = 10_000, after = 0): Promise<LogEntry> {
    return waitUntil(
      async () => (await this.requests()).slice(after).filter((e) => e.type === type).at(-1),
      timeoutMs,
      async () =>
        [`the Log Panel listed no "${type}" request within ${timeoutMs} ms; last lines:`, ...(await this.logLines()).slice(-8).map((l) => `  ${clip(l, 160)}`)].join('\n'),
    );
  }

  /** A channel thread (a Fluent card with the root post and its replies) whose text contains `text`. */
  thread(text: string): Locator {
    return this.page.locator(CHANNEL_THREAD).filter({ hasText: text });
  }

  async waitForThread(text: string, timeoutMs = 15_000): Promise<Locator> {
    const thread = this.thread(text);
    try {
      await thread.first().waitFor({ state: 'visible', timeout: timeoutMs });
    } catch {
      const log = (await this.logLines()).slice(-6).map((l) => `  ${clip(l, 160)}`);
      throw new Error([`no channel thread containing "${text}" within ${timeoutMs} ms; last Log Panel lines:`, ...log].join('\n'));
    }
    return thread.first();
  }

  /**
   * Replies in a channel thread, @mentioning the bot first: in channels the Playground, like Teams, only
   * sends messages that mention the bot. The mention is picked from the suggestion list, as a person would.
   * Returns once the thread shows a text matching `expected` that it did not show before.
   */
  async replyInThread(thread: Locator, text: string, expected: string | RegExp, timeoutMs = 15_000): Promise<void> {
    const count = async () => {
      const t = await thread.innerText();
      return typeof expected === 'string' ? t.split(expected).length - 1 : (t.match(new RegExp(expected.source, `${expected.flags.replace('g', '')}g`)) ?? []).length;
    };
    const before = await count();
    await thread.locator(COMPOSE_BOX).click({ timeout: 10_000 });
    await this.page.keyboard.type(`@${BOT_NAME.split(' ')[0]}`);
    await this.page.getByRole('menuitem', { name: BOT_NAME }).click({ timeout: 10_000 });
    await this.page.keyboard.type(` ${text}`);
    await this.page.keyboard.press('Enter');
    await waitUntil(
      async () => ((await count()) > before ? true : undefined),
      timeoutMs,
      async () =>
        [
          `the thread showed no new text matching ${show(expected)} within ${timeoutMs} ms after "@${BOT_NAME} ${text}"`,
          `thread: ${clip((await thread.innerText()).replace(/\s+/g, ' '), 500)}`,
          'last Log Panel lines:',
          ...(await this.logLines()).slice(-6).map((l) => `  ${clip(l, 160)}`),
        ].join('\n'),
    );
  }

  /** Chooses an entry of the toolbar's "Mock an Activity" menu (e.g. "Install application"). */
  async mockActivity(item: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Mock an Activity' }).click({ timeout: 10_000 });
    // The menu items carry technical aria-labels ("onInstallationUpdate ..."): match their visible text.
    await this.page.getByRole('menuitem').filter({ hasText: new RegExp(`^${item}$`) }).click({ timeout: 10_000 });
  }
}
