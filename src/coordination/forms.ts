// Server-side validation of every coordinator form, whatever the card allowed: a card payload can be
// crafted by hand, and older clients ignore maxLength/isRequired. Each schema reports errors per field as
// message keys ("errTooLong:200"), translated when the form card is rebuilt next to its fields.
import { z } from 'zod';
import { DateTime } from 'luxon';
import type { CoordinationText } from '../i18n/coordination.js';
import { MAX_REMINDER_MS, MIN_REMINDER_MS, offsetMillis, parseReminderOffset } from './durations.js';

export const LIMITS = {
  title: 200,
  summary: 4000,
  joinUrl: 2000,
  announcement: 2000,
  reminders: 10,
} as const;

export type FieldErrors = Record<string, string>;

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** Card inputs arrive as strings; an empty input may arrive as "" or not at all. */
const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
    z.string({ invalid_type_error: 'errInvalid' }).max(max, `errTooLong:${max}`).optional(),
  );
const requiredText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z.string({ invalid_type_error: 'errInvalid', required_error: 'errRequired' }).min(1, 'errRequired').max(max, `errTooLong:${max}`),
  );

export function isCalendarDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && DateTime.fromISO(s, { zone: 'UTC' }).isValid;
}

const date = z
  .string({ invalid_type_error: 'errDate', required_error: 'errRequired' })
  .trim()
  .min(1, 'errRequired')
  .refine(isCalendarDate, 'errDate');
// Input.Time may send seconds on some clients ("10:00:00"); keep HH:MM.
const time = z.preprocess(
  (v) => (typeof v === 'string' && /^\d{2}:\d{2}:\d{2}$/.test(v.trim()) ? v.trim().slice(0, 5) : typeof v === 'string' ? v.trim() : v),
  z.string({ invalid_type_error: 'errTime', required_error: 'errRequired' }).min(1, 'errRequired').regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'errTime'),
);
const httpsUrl = (max: number) =>
  optionalText(max).refine((v) => {
    if (v === undefined) return true;
    try {
      const url = new URL(v);
      return url.protocol === 'https:' && !!url.hostname && !/\s/.test(v);
    } catch {
      return false;
    }
  }, 'errUrl');

export const sessionFormSchema = z
  .object({
    date,
    start: time,
    end: time,
    title: requiredText(LIMITS.title),
    summary: optionalText(LIMITS.summary),
    joinUrl: httpsUrl(LIMITS.joinUrl),
  })
  .superRefine((v, ctx) => {
    if (v.start && v.end && v.end <= v.start) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['end'], message: 'errEndBeforeStart' });
  });
export type SessionForm = z.infer<typeof sessionFormSchema>;

/** What every program-changing action carries besides its inputs. */
export const programActionSchema = z.object({
  sessionId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/).optional(),
  version: z.coerce.number().int().min(0),
  confirmed: z.boolean().optional(),
});

export const announceFormSchema = z
  .object({
    text: requiredText(LIMITS.announcement),
    sessionId: optionalText(64),
    audience: z.enum(['all', 'channels', 'personal'], { errorMap: () => ({ message: 'errInvalid' }) }).default('all'),
    when: z.enum(['now', 'later'], { errorMap: () => ({ message: 'errInvalid' }) }).default('now'),
    sendDate: optionalText(10),
    sendTime: optionalText(8),
  })
  .superRefine((v, ctx) => {
    if (v.when !== 'later') return;
    if (!v.sendDate || !isCalendarDate(v.sendDate)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['sendDate'], message: 'errWhen' });
    if (!v.sendTime || !/^([01]\d|2[0-3]):[0-5]\d(:\d{2})?$/.test(v.sendTime)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['sendTime'], message: 'errWhen' });
  });
export type AnnounceForm = z.infer<typeof announceFormSchema>;
export type Audience = AnnounceForm['audience'];

export function parseForm<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, data: unknown): FormResult<T> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '_');
    errors[field] ??= issue.message.startsWith('err') ? issue.message : 'errInvalid';
  }
  return { ok: false, errors };
}

/** A list of reminder offsets as typed or chosen ("7 Tage, 1 Stunde" or "P7D,PT1H"). */
export function parseOffsetList(text: string): { offsets: string[] } | { error: string } {
  const items = text
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
  const out: string[] = [];
  for (const item of items) {
    const iso = parseReminderOffset(item);
    if (!iso) return { error: `errDuration:${item.slice(0, 40)}` };
    const ms = offsetMillis(iso);
    if (ms < MIN_REMINDER_MS || ms > MAX_REMINDER_MS) return { error: 'errDurationRange' };
    if (!out.some((o) => offsetMillis(o) === ms)) out.push(iso);
  }
  if (out.length > LIMITS.reminders) return { error: `errTooMany:${LIMITS.reminders}` };
  return { offsets: out.sort((a, b) => offsetMillis(b) - offsetMillis(a)) };
}

/** The text for an error key, in the card's language. */
export function errorText(key: string, t: CoordinationText): string {
  const [name, arg] = [key.split(':')[0]!, key.slice(key.indexOf(':') + 1)];
  switch (name) {
    case 'errTooLong':
    case 'errTooMany':
      return t[name](Number(arg));
    case 'errDuration':
      return t.errDuration(arg);
    default: {
      const value = (t as unknown as Record<string, unknown>)[name];
      return typeof value === 'string' ? value : t.errInvalid;
    }
  }
}
