// Card actions of the feedback cards, parsed with zod into a discriminated union. The payload arrives either
// as an Action.Execute invoke (verb beside the data) or as the Action.Submit fallback (verb inside the data).
// Any person id inside the data is dropped: the responder always comes from the activity.
import { z } from 'zod';
import type { FeedbackErrorCode } from '../i18n/feedback.js';
import { FEEDBACK_VERBS, MAX_TEXT_LENGTH, type Answer } from './cards.js';

const sessionId = z.string().trim().min(1).max(100);
// Cards sent before programs were told apart carry none: they belong to the deployment's only program.
const programId = z.string().trim().min(1).max(64).optional();

// Input.Rating may arrive as a number or as its string form; an empty string means "not rated".
const ratingInput = z.union([z.number(), z.string()]).optional();
const textInput = z.union([z.string(), z.null()]).optional();

const submitSchema = z.object({
  verb: z.literal(FEEDBACK_VERBS.submit),
  programId,
  sessionId,
  rating: ratingInput,
  good: textInput,
  better: textInput,
});
const editSchema = z.object({ verb: z.literal(FEEDBACK_VERBS.edit), programId, sessionId });
const refreshSchema = z.object({ verb: z.literal(FEEDBACK_VERBS.refresh), programId, sessionId });

const actionSchema = z.discriminatedUnion('verb', [submitSchema, editSchema, refreshSchema]);

export type FeedbackAction = z.infer<typeof actionSchema>;
export type SubmitAction = z.infer<typeof submitSchema>;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; code: FeedbackErrorCode };

/** True for verbs this feature answers, so the Teams layer can route an invoke here. */
export function isFeedbackVerb(verb: unknown): boolean {
  return typeof verb === 'string' && (Object.values(FEEDBACK_VERBS) as string[]).includes(verb);
}

/**
 * Parses an action payload. `verb` is the invoke's `value.action.verb`; for Action.Submit leave it out and
 * the verb is read from the data. Never throws.
 */
export function parseFeedbackAction(data: unknown, verb?: string): ParseResult<FeedbackAction> {
  if (data !== undefined && (typeof data !== 'object' || data === null || Array.isArray(data))) {
    return { ok: false, code: 'malformed' };
  }
  const record = { ...((data as Record<string, unknown> | undefined) ?? {}) };
  if (verb !== undefined) record.verb = verb;
  const parsed = actionSchema.safeParse(record);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, code: 'malformed' };
}

function cleanText(value: string | null | undefined): string | undefined {
  const trimmed = value?.replace(/\r\n?/g, '\n').trim();
  return trimmed ? trimmed : undefined;
}

/** Checks a submitted answer: whole stars 1..5, each comment at most 1,000 characters. */
export function validateAnswer(action: SubmitAction): ParseResult<Answer> {
  const raw = action.rating;
  const rating = typeof raw === 'string' ? (/^\s*\d{1,3}\s*$/.test(raw) ? Number(raw) : NaN) : (raw ?? NaN);
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) return { ok: false, code: 'ratingInvalid' };
  const good = cleanText(action.good);
  const better = cleanText(action.better);
  // Characters as people count them (code points), not UTF-16 units.
  const tooLong = (s: string | undefined) => s !== undefined && [...s].length > MAX_TEXT_LENGTH;
  if (tooLong(good) || tooLong(better)) return { ok: false, code: 'textTooLong' };
  return { ok: true, value: { rating, ...(good ? { good } : {}), ...(better ? { better } : {}) } };
}
