// The program model: what program.yaml holds, validated with zod. Everything the bot announces, polls and
// answers comes from a Program. Time-zone math lives in ./time.ts; this file only describes shapes.
import { z } from 'zod';
import { Duration } from 'luxon';

const isoDuration = z
  .string()
  .refine((s) => Duration.fromISO(s).isValid, { message: 'expected an ISO 8601 duration such as P7D, P1D or PT1H' });

const localTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'expected a time as HH:MM, e.g. "10:00"' });

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date as YYYY-MM-DD' })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    message: 'not a calendar date',
  });

export const contactSchema = z
  .object({
    name: z.string().min(1),
    organization: z.string().optional(),
    email: z.string().email().optional(),
    role: z.string().optional(),
  })
  .strict();

export const feedbackSettingsSchema = z
  .object({
    openAfterEnd: isoDuration.default('PT0M'),
    closeAfter: isoDuration.default('P7D'),
    minResponses: z.number().int().min(1).max(1000).default(3),
  })
  .strict();

export const sessionSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'expected a lowercase id of letters, digits and hyphens' }),
    title: z.string().min(1).max(200),
    // YAML turns an unquoted 2025-08-26 into a Date; accept both and keep the calendar date.
    date: z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), isoDate),
    weekday: z.string().min(2).max(20).optional(),
    start: localTime,
    end: localTime,
    summary: z.string().max(4000).optional(),
    joinUrl: z.string().url().optional(),
    status: z.enum(['scheduled', 'cancelled']).default('scheduled'),
    /** Per-session override of program.reminders. */
    reminders: z.array(isoDuration).max(10).optional(),
  })
  .strict();

export const programSchema = z
  .object({
    program: z
      .object({
        id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'expected a lowercase id of letters, digits and hyphens' }),
        title: z.string().min(1).max(300),
        subtitle: z.string().max(300).optional(),
        timezone: z.string().min(1).default('Europe/Berlin'),
        language: z.enum(['de', 'en']).default('de'),
        format: z.enum(['virtual', 'onsite', 'hybrid']).default('virtual'),
        location: z.string().max(300).optional(),
        announcedSessionCount: z.number().int().min(1).max(500).optional(),
        contacts: z.array(contactSchema).default([]),
        reminders: z.array(isoDuration).max(10).default(['P7D', 'P1D', 'PT1H']),
        feedback: feedbackSettingsSchema.default({}),
        /** Entra object ids of this program's own coordinators (COORDINATOR_IDS manage every program). */
        coordinators: z.array(z.string().trim().min(1).max(100)).max(200).default([]),
        /** What coordinators see of attendance: counts only, or also the names of those present. */
        attendance: z.enum(['counts', 'named']).default('counts'),
      })
      .strict(),
    sessions: z.array(sessionSchema).default([]),
  })
  .strict();

export type ProgramDocument = z.infer<typeof programSchema>;
export type ProgramInfo = ProgramDocument['program'];
export type Session = z.infer<typeof sessionSchema>;
export type Contact = z.infer<typeof contactSchema>;
export type FeedbackSettings = z.infer<typeof feedbackSettingsSchema>;
/** A validated program: the whole document (program settings plus sessions). */
export type Program = ProgramDocument;
