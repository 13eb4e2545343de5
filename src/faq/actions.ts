// Card actions of the FAQ feature, parsed with zod into a discriminated union. An invalid or unknown
// payload becomes a typed FaqActionError for the edge to answer; it never throws past parseFaqAction.
import { z } from 'zod';
import { AppError } from '../shared/errors.js';

export const FAQ_VERBS = ['faq.helpful', 'faq.unhelpful', 'faq.forward', 'faq.answer', 'faq.curate'] as const;
export type FaqVerb = (typeof FAQ_VERBS)[number];

const questionId = z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/);

export const faqActionSchema = z.discriminatedUnion('verb', [
  z.object({ verb: z.literal('faq.helpful'), questionId }),
  z.object({ verb: z.literal('faq.unhelpful'), questionId }),
  z.object({ verb: z.literal('faq.forward'), questionId }),
  z.object({ verb: z.literal('faq.answer'), questionId, answer: z.string().trim().min(1).max(4000) }),
  z.object({ verb: z.literal('faq.curate'), questionId }),
]);

export type FaqAction = z.infer<typeof faqActionSchema>;

export class FaqActionError extends AppError {
  constructor(
    readonly reason: 'unknown_verb' | 'invalid_payload',
    message: string,
  ) {
    super(`faq.action.${reason}`, message);
    this.name = 'FaqActionError';
  }
}

export type ParsedFaqAction = { ok: true; action: FaqAction } | { ok: false; error: FaqActionError };

export function isFaqVerb(verb: unknown): verb is FaqVerb {
  return typeof verb === 'string' && (FAQ_VERBS as readonly string[]).includes(verb);
}

/**
 * Parses an Action.Execute (verb + data) or an Action.Submit fallback (data carrying `verb`). Input values
 * (the coordinator's answer) arrive merged into data.
 */
export function parseFaqAction(verb: string | undefined, data: unknown): ParsedFaqAction {
  const payload = data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  const actualVerb = verb ?? payload.verb;
  if (!isFaqVerb(actualVerb)) return { ok: false, error: new FaqActionError('unknown_verb', `unknown FAQ action verb: ${String(actualVerb)}`) };
  const parsed = faqActionSchema.safeParse({ ...payload, verb: actualVerb });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, error: new FaqActionError('invalid_payload', `${actualVerb}: ${issue.path.join('.') || 'payload'}: ${issue.message}`) };
  }
  return { ok: true, action: parsed.data };
}
