// The retrospective models: what one session's poll produced (count, average, distribution, comments) and
// what the whole series produced (trend, best session, response rates, themes). Pure functions over stored
// responses; the anonymity threshold is applied here, so a card can never show what the model withholds.
import { DateTime } from 'luxon';
import type { Program, Session } from '../program/model.js';
import { sessionStart, sortedSessions } from '../program/time.js';
import { foldCommandText } from '../conversation/commands.js';
import { extractThemes, type Theme } from './themes.js';

/** One stored answer, without any reference to the person. */
export interface ResponseRecord {
  rating: number;
  good?: string;
  better?: string;
  submittedAt: Date;
}

export type Distribution = [number, number, number, number, number];

export interface SessionResults {
  sessionId: string;
  title: string;
  /** Start of the session as an ISO instant. */
  startsAt: string;
  count: number;
  minResponses: number;
  /** False below minResponses or while the poll runs: then average, distribution and comments are withheld. */
  disclosed: boolean;
  /** Withheld because the poll is still open (single votes would show as they come in). */
  pollOpen?: boolean;
  average?: number;
  /** Number of ratings 1..5 at index 0..4. */
  distribution?: Distribution;
  comments: { good: string[]; better: string[] };
}

/** Per-session reachable audience (people who could answer), or one number for every session. */
export type AudienceSizes = number | Readonly<Record<string, number>>;

export interface SeriesSessionPoint {
  sessionId: string;
  title: string;
  startsAt: string;
  count: number;
  disclosed: boolean;
  average?: number;
  audience?: number;
  /** count / audience, 0..1, when the audience is known. */
  responseRate?: number;
}

export interface SeriesResults {
  programTitle: string;
  minResponses: number;
  sessions: SeriesSessionPoint[];
  best?: SeriesSessionPoint;
  overall: { count: number; average?: number };
  themes: Theme[];
}

function mean(values: number[]): number | undefined {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : undefined;
}

const byText = (a: string, b: string) => a.localeCompare(b, 'de');

export function sessionResults(program: Program, session: Session, responses: readonly ResponseRecord[]): SessionResults {
  const minResponses = program.program.feedback.minResponses;
  const count = responses.length;
  const base = {
    sessionId: session.id,
    title: session.title,
    startsAt: sessionStart(program, session).toUTC().toISO()!,
    count,
    minResponses,
  };
  if (count < minResponses) return { ...base, disclosed: false, comments: { good: [], better: [] } };
  const distribution: Distribution = [0, 0, 0, 0, 0];
  for (const r of responses) distribution[r.rating - 1]! += 1;
  // Comments are sorted by text, not by time, so their order says nothing about who answered when.
  const good = responses.flatMap((r) => (r.good ? [r.good] : [])).sort(byText);
  const better = responses.flatMap((r) => (r.better ? [r.better] : [])).sort(byText);
  return { ...base, disclosed: true, average: mean(responses.map((r) => r.rating)), distribution, comments: { good, better } };
}

function audienceOf(audience: AudienceSizes | undefined, sessionId: string): number | undefined {
  if (audience === undefined) return undefined;
  const n = typeof audience === 'number' ? audience : audience[sessionId];
  return n !== undefined && n > 0 ? n : undefined;
}

/**
 * The series model over every scheduled session that has begun by `now` (all of them when omitted;
 * cancelled ones are left out). Sessions below the threshold contribute their count only: neither their
 * ratings nor their comments enter the average or the themes.
 */
export function seriesResults(
  program: Program,
  responsesBySession: ReadonlyMap<string, readonly ResponseRecord[]>,
  audience?: AudienceSizes,
  now?: Date,
): SeriesResults {
  const minResponses = program.program.feedback.minResponses;
  const sessions: SeriesSessionPoint[] = [];
  const disclosedRatings: number[] = [];
  const comments: string[] = [];
  let total = 0;
  for (const session of sortedSessions(program)) {
    if (session.status === 'cancelled') continue;
    if (now && sessionStart(program, session).toMillis() > now.getTime()) continue;
    const responses = responsesBySession.get(session.id) ?? [];
    const results = sessionResults(program, session, responses);
    total += results.count;
    const size = audienceOf(audience, session.id);
    sessions.push({
      sessionId: session.id,
      title: session.title,
      startsAt: results.startsAt,
      count: results.count,
      disclosed: results.disclosed,
      ...(results.average !== undefined ? { average: results.average } : {}),
      ...(size !== undefined ? { audience: size, responseRate: Math.min(1, results.count / size) } : {}),
    });
    if (results.disclosed) {
      disclosedRatings.push(...responses.map((r) => r.rating));
      comments.push(...results.comments.good, ...results.comments.better);
    }
  }
  const best = sessions
    .filter((s) => s.average !== undefined)
    .sort((a, b) => b.average! - a.average! || b.count - a.count || a.startsAt.localeCompare(b.startsAt))[0];
  const overallAverage = mean(disclosedRatings);
  return {
    programTitle: program.program.title,
    minResponses,
    sessions,
    ...(best ? { best } : {}),
    overall: { count: total, ...(overallAverage !== undefined ? { average: overallAverage } : {}) },
    themes: extractThemes(comments),
  };
}

export type SessionResolution =
  | { kind: 'found'; session: Session }
  | { kind: 'missing' | 'unknown' | 'ambiguous'; candidates: Session[] };

/** "16.12.", "16.12.2026", "16.12.26" or "2026-12-16" as month/day (and year when given). */
function parseDateArgument(arg: string): { day: number; month: number; year?: number } | undefined {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(arg);
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  const de = /^(\d{1,2})\.(\d{1,2})\.?(\d{2}|\d{4})?$/.exec(arg);
  if (de) {
    const year = de[3] ? Number(de[3].length === 2 ? `20${de[3]}` : de[3]) : undefined;
    return { day: Number(de[1]), month: Number(de[2]), ...(year ? { year } : {}) };
  }
  return undefined;
}

/**
 * Finds the session a person means by `ergebnisse <argument>`: its id, a date, or words of its title
 * (case, umlauts and word endings forgiven: "auftakt" finds "Auftaktveranstaltung").
 */
export function resolveSession(program: Program, argument: string): SessionResolution {
  const sessions = sortedSessions(program);
  const arg = argument.trim();
  if (!arg) return { kind: 'missing', candidates: sessions };
  const byId = sessions.find((s) => s.id === arg.toLowerCase());
  if (byId) return { kind: 'found', session: byId };

  const date = parseDateArgument(arg);
  if (date) {
    const matches = sessions.filter((s) => {
      const d = DateTime.fromISO(s.date);
      return d.day === date.day && d.month === date.month && (date.year === undefined || d.year === date.year);
    });
    if (matches.length === 1) return { kind: 'found', session: matches[0]! };
    return matches.length ? { kind: 'ambiguous', candidates: matches } : { kind: 'unknown', candidates: sessions };
  }

  const words = foldCommandText(arg).split(/[^a-z0-9]+/).filter(Boolean);
  if (!words.length) return { kind: 'unknown', candidates: sessions };
  const matches = sessions.filter((s) => {
    const haystack = `${foldCommandText(s.title)} ${s.id}`;
    return words.every((w) => haystack.includes(w));
  });
  if (matches.length === 1) return { kind: 'found', session: matches[0]! };
  return matches.length ? { kind: 'ambiguous', candidates: matches } : { kind: 'unknown', candidates: sessions };
}
