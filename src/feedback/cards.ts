// The feedback feature's Adaptive Cards (schema 1.5): the poll, the voter's thank-you card with the live
// aggregate, the error card, the results card of one session and the series retrospective. Participant text
// is always escaped; every card is kept under MAX_CARD_BYTES by shortening comment lists.
import { DateTime } from 'luxon';
import {
  card,
  escapeCardText,
  executeAction,
  textBlock,
  type AdaptiveCard,
  type CardElement,
  type OutgoingMessage,
} from '../cards/adaptive.js';
import type { Locale } from '../i18n/locale.js';
import { feedbackText, type FeedbackErrorCode } from '../i18n/feedback.js';
import type { Program, Session } from '../program/model.js';
import { formatDate, formatTimeRange, sessionEnd, sessionStart } from '../program/time.js';
import type { SeriesResults, SessionResults } from './retrospective.js';

export const FEEDBACK_VERBS = { submit: 'feedback.submit', edit: 'feedback.edit', refresh: 'feedback.refresh' } as const;
export const MAX_TEXT_LENGTH = 1000;
/** Teams accepts about 100 KB per message (UTF-16); we stay under 80 KB. */
export const MAX_CARD_BYTES = 80 * 1024;

export interface Answer {
  rating: number;
  good?: string;
  better?: string;
}

export interface LiveAggregate {
  count: number;
  /** Present only when count >= minResponses. */
  average?: number;
  minResponses: number;
}

/** Size of a card as Teams counts it (UTF-16). */
export function cardBytes(c: AdaptiveCard): number {
  return JSON.stringify(c).length * 2;
}

/** "3,5" in German, "3.5" in English. */
export function formatAverage(value: number, locale: Locale): string {
  const fixed = (Math.round(value * 10) / 10).toFixed(1);
  return locale === 'de' ? fixed.replace('.', ',') : fixed;
}

function formatPercent(rate: number): string {
  return String(Math.round(rate * 100));
}

function stars(rating: number): string {
  return '★'.repeat(rating) + '☆'.repeat(Math.max(0, 5 - rating));
}

function sessionWhen(program: Program, session: Session, locale: Locale): string {
  const start = sessionStart(program, session);
  return `${formatDate(start, locale)}, ${formatTimeRange(start, sessionEnd(program, session), locale)}`;
}

function shortDate(iso: string, zone: string, locale: Locale): string {
  const dt = DateTime.fromISO(iso, { zone });
  return locale === 'de' ? dt.toFormat('dd.LL.') : dt.setLocale('en').toFormat('d LLL');
}

function heading(text: string): CardElement {
  return textBlock(text, { size: 'Medium', weight: 'Bolder' });
}

function subtle(text: string, extra: Record<string, unknown> = {}): CardElement {
  return textBlock(text, { isSubtle: true, spacing: 'None', ...extra });
}

function pollInputs(locale: Locale, answer?: Answer): CardElement[] {
  const t = feedbackText(locale);
  return [
    {
      type: 'Input.Rating',
      id: 'rating',
      label: t.ratingLabel,
      max: 5,
      allowHalfSteps: false,
      size: 'Large',
      isRequired: true,
      errorMessage: t.ratingRequired,
      ...(answer ? { value: answer.rating } : {}),
      // Clients without Input.Rating (older Teams clients, the Agents Playground) get five choices with the
      // same id; the server accepts the rating as a number or a string either way.
      fallback: {
        type: 'Input.ChoiceSet',
        id: 'rating',
        label: t.ratingLabel,
        style: 'expanded',
        isRequired: true,
        errorMessage: t.ratingRequired,
        choices: [1, 2, 3, 4, 5].map((n) => ({ title: '★'.repeat(n), value: String(n) })),
        ...(answer ? { value: String(answer.rating) } : {}),
      },
    },
    {
      type: 'Input.Text',
      id: 'good',
      label: t.goodLabel,
      isMultiline: true,
      maxLength: MAX_TEXT_LENGTH,
      placeholder: t.textPlaceholder,
      ...(answer?.good ? { value: answer.good } : {}),
    },
    {
      type: 'Input.Text',
      id: 'better',
      label: t.betterLabel,
      isMultiline: true,
      maxLength: MAX_TEXT_LENGTH,
      placeholder: t.textPlaceholder,
      ...(answer?.better ? { value: answer.better } : {}),
    },
  ];
}

/** The poll posted after a session; with `answer` it is the pre-filled form behind "Ändern". */
export function pollCard(program: Program, session: Session, locale: Locale, answer?: Answer): AdaptiveCard {
  const t = feedbackText(locale);
  return card(
    [
      heading(t.pollTitle(session.title)),
      subtle(sessionWhen(program, session, locale)),
      textBlock(t.pollIntro),
      ...pollInputs(locale, answer),
      textBlock(t.anonymousNote, { isSubtle: true, size: 'Small' }),
    ],
    [executeAction(t.submit, FEEDBACK_VERBS.submit, { programId: program.program.id, sessionId: session.id }, 'positive')],
    { lang: locale, fallbackText: t.pollTitle(session.title) },
  );
}

export function pollMessage(program: Program, session: Session, locale: Locale): OutgoingMessage {
  const t = feedbackText(locale);
  return { card: pollCard(program, session, locale), summary: t.pollTitle(session.title) };
}

function liveBlock(locale: Locale, live: LiveAggregate): CardElement[] {
  const t = feedbackText(locale);
  return [
    textBlock(t.liveTitle, { weight: 'Bolder', separator: true }),
    textBlock(
      [t.liveCount(live.count), live.average !== undefined ? t.liveAverage(formatAverage(live.average, locale)) : t.liveHidden(live.minResponses)].join(' · '),
      { spacing: 'None' },
    ),
  ];
}

export interface ThankYouCardInput {
  program: Program;
  session: Session;
  locale: Locale;
  answer: Answer;
  live: LiveAggregate;
  /**
   * The voter's own Bot Framework id: their copy of the card refreshes itself. Never anyone else's: the card
   * travels to the voter's client, and a list of ids there would tell who voted.
   */
  voterUserId?: string;
  closed?: boolean;
}

/** What the voter sees after submitting: thanks, their own answer, "Ändern" and the live aggregate. */
export function thankYouCard(input: ThankYouCardInput): AdaptiveCard {
  const { program, session, locale, answer, live } = input;
  const t = feedbackText(locale);
  const data = { programId: program.program.id, sessionId: session.id };
  const actions = [
    ...(input.closed ? [] : [executeAction(t.edit, FEEDBACK_VERBS.edit, data)]),
    executeAction(t.refresh, FEEDBACK_VERBS.refresh, data),
  ];
  return card(
    [
      heading(t.thanksTitle),
      subtle(`${session.title} · ${sessionWhen(program, session, locale)}`),
      textBlock(t.yourAnswer, { weight: 'Bolder' }),
      {
        type: 'FactSet',
        facts: [
          { title: t.yourRating, value: `${stars(answer.rating)} (${answer.rating}/5)` },
          { title: t.goodLabel, value: answer.good ? escapeCardText(answer.good) : t.noComment },
          { title: t.betterLabel, value: answer.better ? escapeCardText(answer.better) : t.noComment },
        ],
      },
      ...liveBlock(locale, live),
      ...(input.closed ? [subtle(t.pollClosedNote)] : []),
    ],
    actions,
    {
      lang: locale,
      fallbackText: t.thanksTitle,
      ...(input.voterUserId
        ? { refresh: { action: { type: 'Action.Execute', verb: FEEDBACK_VERBS.refresh, data }, userIds: [input.voterUserId] } }
        : {}),
    },
  );
}

/** A rejected vote, in the voter's language; "Erneut versuchen" brings the form back where that helps. */
export function errorCard(code: FeedbackErrorCode, locale: Locale, sessionId?: string, programId?: string): AdaptiveCard {
  const t = feedbackText(locale);
  const retryable = sessionId !== undefined && (code === 'ratingInvalid' || code === 'textTooLong' || code === 'storage');
  return card(
    [heading(t.errorTitle), textBlock(t.errors[code], { color: 'Attention' })],
    retryable ? [executeAction(t.retry, FEEDBACK_VERBS.edit, { ...(programId ? { programId } : {}), sessionId })] : [],
    { lang: locale, fallbackText: t.errors[code] },
  );
}

function distributionElements(distribution: readonly number[], locale: Locale): CardElement[] {
  const t = feedbackText(locale);
  const max = Math.max(1, ...distribution);
  const chart: CardElement = {
    type: 'Chart.VerticalBar',
    title: t.distributionTitle,
    xAxisTitle: t.starsAxis,
    yAxisTitle: t.countAxis,
    showBarValues: true,
    color: 'good',
    data: distribution.map((n, i) => ({ x: String(i + 1), y: n })),
    fallback: 'drop',
  };
  // The text version sits in the same card: mobile clients may not render charts.
  const facts: CardElement = {
    type: 'FactSet',
    facts: distribution
      .map((n, i) => ({ title: t.stars(i + 1), value: `${'█'.repeat(Math.round((n / max) * 10)) || '·'} ${n}` }))
      .reverse(),
  };
  return [chart, facts];
}

type CommentGroup = { label: string; comments: readonly string[] };

/**
 * Appends the comment groups, as many comments as fit into the size budget (taken in turn from each group,
 * so neither group crowds out the other); the rest is summarised as "+N weitere".
 */
function withComments(base: AdaptiveCard, groups: CommentGroup[], locale: Locale): AdaptiveCard {
  const t = feedbackText(locale);
  const elements = groups.map((g) => g.comments.map((c) => textBlock(`„${escapeCardText(c)}“`, { spacing: 'Small' })));
  const build = (shown: number[]): AdaptiveCard => {
    const body = [...base.body];
    groups.forEach((group, gi) => {
      body.push(textBlock(group.label, { weight: 'Bolder', separator: true }));
      const list = elements[gi]!;
      if (!list.length) body.push(subtle(t.noComments));
      body.push(...list.slice(0, shown[gi]));
      const rest = list.length - shown[gi]!;
      if (rest > 0) body.push(subtle(t.more(rest), { spacing: 'Small' }));
    });
    return { ...base, body };
  };
  const full = build(elements.map((l) => l.length));
  if (cardBytes(full) <= MAX_CARD_BYTES) return full;

  const shown = elements.map(() => 0);
  let budget = MAX_CARD_BYTES - cardBytes(build(shown)) - 200;
  let progress = true;
  while (progress) {
    progress = false;
    elements.forEach((list, gi) => {
      const next = list[shown[gi]!];
      if (!next) return;
      const cost = (JSON.stringify(next).length + 1) * 2;
      if (cost <= budget) {
        budget -= cost;
        shown[gi]! += 1;
        progress = true;
      }
    });
  }
  let result = build(shown);
  // The estimate is close; make sure.
  while (cardBytes(result) > MAX_CARD_BYTES && shown.some((n) => n > 0)) {
    const gi = shown.indexOf(Math.max(...shown));
    shown[gi]! -= 1;
    result = build(shown);
  }
  return result;
}

/** Attendance lines from the meeting's own events (counts only, never names), when there are any. */
function attendanceSection(lines: readonly string[], locale: Locale): CardElement[] {
  if (!lines.length) return [];
  return [
    textBlock(feedbackText(locale).attendanceTitle, { weight: 'Bolder', separator: true }),
    textBlock(lines.map((l) => `- ${l}`).join('\n'), { spacing: 'Small' }),
  ];
}

/**
 * The results of one session's poll, for the channels and for `ergebnisse <Termin>`; `attendance` are the
 * session's attendance lines (see src/attendance/summary.ts), empty without attendance data.
 */
export function resultsCard(program: Program, results: SessionResults, locale: Locale, attendance: readonly string[] = []): AdaptiveCard {
  const t = feedbackText(locale);
  const zone = program.program.timezone;
  const start = DateTime.fromISO(results.startsAt, { zone });
  const body: CardElement[] = [
    heading(t.resultsTitle(results.title)),
    subtle(formatDate(start, locale)),
    textBlock(t.responses(results.count), { weight: 'Bolder' }),
  ];
  const attendanceElements = attendanceSection(attendance, locale);
  if (!results.disclosed || results.average === undefined || !results.distribution) {
    body.push(...attendanceElements);
    body.push(textBlock(results.pollOpen ? t.whilePollOpen(results.minResponses) : t.belowThreshold(results.minResponses), { isSubtle: true }));
    return card(body, [], { lang: locale, fallbackText: `${t.resultsTitle(results.title)}: ${t.responses(results.count)}` });
  }
  const average = formatAverage(results.average, locale);
  body.push(textBlock(t.average(average), { spacing: 'None' }), ...distributionElements(results.distribution, locale), ...attendanceElements);
  const base = card(body, [], {
    lang: locale,
    fallbackText: `${t.resultsTitle(results.title)}: ${t.responses(results.count)}, ${t.average(average)}`,
  });
  return withComments(
    base,
    [
      { label: t.goodLabel, comments: results.comments.good },
      { label: t.betterLabel, comments: results.comments.better },
    ],
    locale,
  );
}

export function resultsMessage(program: Program, results: SessionResults, locale: Locale, attendance: readonly string[] = []): OutgoingMessage {
  const t = feedbackText(locale);
  return { card: resultsCard(program, results, locale, attendance), summary: t.resultsTitle(results.title) };
}

/** The retrospective over the whole series: trend, best session, response rates and themes. */
export function seriesCard(program: Program, series: SeriesResults, locale: Locale, attendance: readonly string[] = []): AdaptiveCard {
  const t = feedbackText(locale);
  const zone = program.program.timezone;
  const label = (p: SeriesResults['sessions'][number]) => `${shortDate(p.startsAt, zone, locale)} ${p.title}`;
  const rated = series.sessions.filter((s) => s.average !== undefined);
  const body: CardElement[] = [heading(t.seriesTitle(series.programTitle)), textBlock(t.seriesIntro)];

  body.push(
    textBlock(
      series.overall.average !== undefined
        ? t.overall(t.responses(series.overall.count), formatAverage(series.overall.average, locale))
        : t.responses(series.overall.count),
      { weight: 'Bolder' },
    ),
  );
  if (series.best?.average !== undefined) {
    body.push(
      textBlock(
        t.bestSession(series.best.title, shortDate(series.best.startsAt, zone, locale), formatAverage(series.best.average, locale)),
      ),
    );
  } else {
    body.push(textBlock(t.noBestSession, { isSubtle: true }));
  }

  if (rated.length) {
    body.push({
      type: 'Chart.Line',
      title: t.trendTitle,
      xAxisTitle: t.sessionAxis,
      yAxisTitle: t.ratingAxis,
      data: [
        {
          legend: t.averageLegend,
          values: rated.map((s) => ({ x: shortDate(s.startsAt, zone, locale), y: Math.round(s.average! * 10) / 10 })),
        },
      ],
      fallback: 'drop',
    });
  }
  // Text version of the trend, with response rates, for clients without charts.
  body.push({
    type: 'FactSet',
    separator: true,
    facts: series.sessions.map((s) => {
      const responses = t.responses(s.count);
      const rate = s.responseRate !== undefined ? t.responseRate(formatPercent(s.responseRate)) : '';
      return {
        title: label(s),
        value: s.average !== undefined ? t.trendLine(formatAverage(s.average, locale), responses, rate) : t.trendHidden(responses) + rate,
      };
    }),
  });

  body.push(...attendanceSection(attendance, locale));
  body.push(textBlock(t.themesTitle, { weight: 'Bolder', separator: true }));
  body.push(
    series.themes.length
      ? textBlock(series.themes.map((th) => `- ${t.themeLine(escapeCardText(th.word), th.count)}`).join('\n'), { spacing: 'Small' })
      : subtle(t.noThemes),
  );
  return card(body, [], { lang: locale, fallbackText: t.seriesTitle(series.programTitle) });
}

export function seriesMessage(program: Program, series: SeriesResults, locale: Locale, attendance: readonly string[] = []): OutgoingMessage {
  return { card: seriesCard(program, series, locale, attendance), summary: feedbackText(locale).seriesTitle(series.programTitle) };
}

/** Both languages at once, for the delivery engine to pick per conversation. */
export function perLocale<T>(build: (locale: Locale) => T): Record<Locale, T> {
  return { de: build('de'), en: build('en') };
}
