import { escapeCardText } from '../cards/adaptive.js';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../cards/adaptive.js';
import { testProgram } from '../../tests/feedback/fixtures.js';
import {
  cardBytes,
  errorCard,
  formatAverage,
  MAX_CARD_BYTES,
  pollCard,
  resultsCard,
  seriesCard,
  thankYouCard,
} from './cards.js';
import { seriesResults, sessionResults, type ResponseRecord } from './retrospective.js';

const program = testProgram();
const session = program.sessions[3]!; // Data Governance Wegweiser, 16.12.2025
const at = new Date('2025-12-16T12:30:00Z');

function responses(...items: Array<[number, string?, string?]>): ResponseRecord[] {
  return items.map(([rating, good, better]) => ({
    rating,
    ...(good ? { good } : {}),
    ...(better ? { better } : {}),
    submittedAt: at,
  }));
}

/** Every string value anywhere in the card. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

function elements(c: AdaptiveCard): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.type === 'string') out.push(o);
      Object.values(o).forEach(walk);
    }
  };
  walk(c.body);
  return out;
}

const INJECTIONS = [
  '<at>Max Mustermann</at> bitte melden',
  '[click](https://evil.example/phish)',
  '**bold** and _italic_ and `code`',
  '&lt;at&gt;Max&lt;/at&gt;',
  '# Überschrift\n- Liste\n> Zitat',
  '![bild](https://evil.example/x.png)',
];

describe('poll card', () => {
  it('names title and date and holds the rating, two 1000-character text fields and an anonymity note (de)', () => {
    const c = pollCard(program, session, 'de');
    expect(c).toMatchSnapshot();
    const els = elements(c);
    expect(c.version).toBe('1.5');
    expect(strings(c).join('\n')).toContain('Data Governance Wegweiser');
    expect(strings(c).join('\n')).toContain('Dienstag, 16. Dezember 2025, 10:00–12:00 Uhr');
    expect(els.find((e) => e.type === 'Input.Rating')).toMatchObject({ id: 'rating', max: 5, label: 'Wie hilfreich war der Termin?' });
    const texts = els.filter((e) => e.type === 'Input.Text');
    expect(texts.map((e) => [e.label, e.isMultiline, e.maxLength])).toEqual([
      ['Was war gut?', true, 1000],
      ['Was geht besser?', true, 1000],
    ]);
    expect(strings(c).some((s) => s.includes('anonym'))).toBe(true);
    expect(c.actions?.[0]).toMatchObject({
      type: 'Action.Execute',
      verb: 'feedback.submit',
      data: { sessionId: 'data-governance' },
      fallback: { type: 'Action.Submit', data: { sessionId: 'data-governance', verb: 'feedback.submit' } },
    });
  });

  it('is English for English users and pre-filled for "Ändern"', () => {
    const c = pollCard(program, session, 'en', { rating: 4, good: 'Examples', better: 'More time' });
    expect(c).toMatchSnapshot();
    const els = elements(c);
    expect(els.find((e) => e.type === 'Input.Rating')).toMatchObject({ value: 4, label: 'How helpful was the session?' });
    expect(els.filter((e) => e.type === 'Input.Text').map((e) => e.value)).toEqual(['Examples', 'More time']);
    expect(strings(c).join('\n')).toContain('Tuesday, 16 December 2025');
  });
});

describe('thank-you card', () => {
  it('shows the answer, "Ändern", the aggregate of a closed poll and refreshes for the voter alone', () => {
    const c = thankYouCard({
      program,
      session,
      locale: 'de',
      answer: { rating: 4, good: 'Gute Beispiele', better: '<at>Chef</at>' },
      live: { count: 5, average: 3.6, minResponses: 3 },
      voterUserId: '29:a',
    });
    expect(c).toMatchSnapshot();
    expect(c.actions?.map((a) => [a.title, (a as { verb?: string }).verb])).toEqual([
      ['Ändern', 'feedback.edit'],
      ['Aktualisieren', 'feedback.refresh'],
    ]);
    expect(c.refresh).toEqual({
      action: { type: 'Action.Execute', verb: 'feedback.refresh', data: { programId: 'stadt-daten-strategie', sessionId: 'data-governance' } },
      userIds: ['29:a'],
    });
    const all = strings(c).join('\n');
    expect(all).toContain('5 Antworten · Durchschnitt 3,6 von 5');
    expect(all).not.toContain('<at>');
  });

  it('names no other user and says when the average appears', () => {
    const c = thankYouCard({
      program,
      session,
      locale: 'en',
      answer: { rating: 2 },
      live: { count: 7, minResponses: 3 },
      voterUserId: '29:user-0',
    });
    expect(c.refresh?.userIds).toEqual(['29:user-0']);
    const all = strings(c).join('\n');
    expect(all).toContain('7 responses · The average is shown once the poll has closed, if at least 3 people answered.');
    expect(all).not.toMatch(/Average \d/);
  });

  it('has no automatic refresh when no user id is known', () => {
    const c = thankYouCard({ program, session, locale: 'de', answer: { rating: 5 }, live: { count: 1, minResponses: 3 } });
    expect(c.refresh).toBeUndefined();
  });
});

describe('error card', () => {
  it('speaks the user language and offers a retry only where it helps', () => {
    const rating = errorCard('ratingInvalid', 'de', 'auftakt');
    expect(rating).toMatchSnapshot();
    expect(strings(rating).join('\n')).toContain('1 bis 5 Sternen');
    expect(rating.actions?.[0]).toMatchObject({ verb: 'feedback.edit', data: { sessionId: 'auftakt' } });
    const closed = errorCard('pollClosed', 'en', 'auftakt');
    expect(strings(closed).join('\n')).toContain('already closed');
    expect(closed.actions).toBeUndefined();
  });
});

describe('results card', () => {
  const five = responses(
    [5, 'Sehr praxisnah', 'Mehr Zeit für Fragen'],
    [4, 'Gute Beispiele'],
    [4, undefined, 'Früher anfangen'],
    [3, 'Austausch'],
    [2],
    [3],
  );

  it('shows count, average with a German decimal comma, chart plus text distribution and grouped comments', () => {
    const results = sessionResults(program, session, five.slice(0, 4).concat(responses([2])));
    // 5+4+4+3+2 = 18 / 5 = 3.6
    const c = resultsCard(program, results, 'de');
    expect(c).toMatchSnapshot();
    const all = strings(c);
    expect(all).toContain('5 Antworten');
    expect(all).toContain('Durchschnittliche Bewertung: 3,6 von 5');
    const chart = elements(c).find((e) => e.type === 'Chart.VerticalBar');
    expect(chart?.data).toEqual([
      { x: '1', y: 0 },
      { x: '2', y: 1 },
      { x: '3', y: 1 },
      { x: '4', y: 2 },
      { x: '5', y: 1 },
    ]);
    const facts = elements(c).find((e) => e.type === 'FactSet')?.facts as Array<{ title: string; value: string }>;
    expect(facts.map((f) => f.title)).toEqual(['5 Sterne', '4 Sterne', '3 Sterne', '2 Sterne', '1 Stern']);
    expect(facts[1]!.value).toMatch(/ 2$/);
    const joined = all.join('\n');
    expect(joined.indexOf('Was war gut?')).toBeLessThan(joined.indexOf('Gute Beispiele'));
    expect(joined.indexOf('Was geht besser?')).toBeLessThan(joined.indexOf('Mehr Zeit'));
    expect(joined.indexOf('Gute Beispiele')).toBeLessThan(joined.indexOf('Was geht besser?'));
  });

  it('uses the English decimal point', () => {
    const results = sessionResults(program, session, responses([3], [4], [4], [3]));
    const all = strings(resultsCard(program, results, 'en'));
    expect(all).toContain('Average rating: 3.5 out of 5');
    expect(formatAverage(3.5, 'de')).toBe('3,5');
    expect(formatAverage(3.25, 'de')).toBe('3,3');
    expect(formatAverage(4, 'de')).toBe('4,0');
  });

  it('shows only the count below minResponses', () => {
    const results = sessionResults(program, session, responses([1, 'Geheimer Kommentar'], [5, undefined, 'Noch einer']));
    const c = resultsCard(program, results, 'de');
    expect(c).toMatchSnapshot();
    const joined = strings(c).join('\n');
    expect(joined).toContain('2 Antworten');
    expect(joined).toContain('ab 3 Antworten');
    expect(joined).not.toContain('Geheimer');
    expect(joined).not.toContain('Noch einer');
    expect(joined).not.toMatch(/Durchschnitt/);
    expect(elements(c).some((e) => String(e.type).startsWith('Chart.'))).toBe(false);
  });

  it('lets no mention, link or formatting from a participant take effect', () => {
    const results = sessionResults(
      program,
      session,
      INJECTIONS.map((text, i) => ({ rating: (i % 5) + 1, good: text, better: text, submittedAt: at })),
    );
    const c = resultsCard(program, results, 'de');
    expect(c.msteams).toBeUndefined();
    const comments = elements(c)
      .filter((e) => e.type === 'TextBlock' && typeof e.text === 'string' && (e.text as string).startsWith('„'))
      .map((e) => e.text as string);
    expect(comments).toHaveLength(INJECTIONS.length * 2);
    for (const text of comments) {
      expect(text).not.toMatch(/<\/?at>/i);
      expect(text).not.toMatch(/&lt;|&gt;/);
      expect(text).not.toMatch(/https?:\/\//);
      // Every character that would start inline markup is escaped (a link needs its brackets).
      expect(text).not.toMatch(/(?<!\\)[*_`[\]~]/);
    }
    const joined = comments.join('\n');
    expect(joined).toContain('‹at›Max Mustermann‹/at›');
    expect(joined).toContain('\\*\\*bold\\*\\*');
    expect(joined).toContain('\\[click\\](https\u200B://evil.example/phish)');
    expect(joined).toContain('&\u2060lt;at&\u2060gt;');
  });

  it('escapes directly as well', () => {
    expect(escapeCardText('<at>X</at>')).toBe('‹at›X‹/at›');
    expect(escapeCardText('&lt;at&gt;')).toBe('&\u2060lt;at&\u2060gt;');
  });

  it('stays under 80 KB with many long comments and says how many were left out', () => {
    const long = (i: number) => `${i} ${'*[x](y)<at>'.repeat(90)}`.slice(0, 1000);
    const many = Array.from({ length: 300 }, (_, i) => ({ rating: 4, good: long(i), better: long(i + 1000), submittedAt: at }));
    const c = resultsCard(program, sessionResults(program, session, many), 'de');
    expect(cardBytes(c)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    const texts = elements(c).map((e) => e.text).filter((t): t is string => typeof t === 'string');
    const more = texts.filter((t) => /^\+\d+ weitere$/.test(t));
    expect(more).toHaveLength(2);
    const shownGood = texts.filter((t) => t.startsWith('„') && /^„\d{1,3} /.test(t)).length;
    const shownBetter = texts.filter((t) => /^„1\d{3} /.test(t)).length;
    expect(shownGood).toBeGreaterThan(5);
    expect(Math.abs(shownGood - shownBetter)).toBeLessThanOrEqual(1);
    expect(more[0]).toBe(`+${300 - shownGood} weitere`);
    expect(more[1]).toBe(`+${300 - shownBetter} weitere`);
  });
});

describe('series retrospective card', () => {
  it('has a Chart.Line trend with a text fallback, the best session, response rates and themes', () => {
    const bySession = new Map<string, ResponseRecord[]>([
      ['auftakt', responses([4, 'Gute Beispiele aus der Praxis'], [3, 'Beispiele'], [4, undefined, 'Mehr Pausen'])],
      ['wie-fange-ich-an', responses([5, 'Workshop zu Personas'], [5, 'Workshops'], [4, 'Beispiel'], [5])],
      ['finalisierung', responses([2, 'Geheim'])],
    ]);
    const series = seriesResults(program, bySession, { auftakt: 10, 'wie-fange-ich-an': 8, finalisierung: 10 });
    const c = seriesCard(program, series, 'de');
    expect(c).toMatchSnapshot();
    const line = elements(c).find((e) => e.type === 'Chart.Line') as { data: Array<{ values: unknown[] }> };
    expect(line.data[0]!.values).toEqual([
      { x: '26.08.', y: 3.7 },
      { x: '25.09.', y: 4.8 },
    ]);
    const joined = strings(c).join('\n');
    expect(joined).toContain('Am besten bewertet: Wie fange ich an? (25.09.), Ø 4,8');
    expect(joined).toContain('Ø 3,7 · 3 Antworten · Rücklauf 30 %');
    expect(joined).toContain('Ø 4,8 · 4 Antworten · Rücklauf 50 %');
    expect(joined).toContain('1 Antwort (zu wenige für eine Auswertung) · Rücklauf 10 %');
    expect(joined).toMatch(/Beispiele? \(3×\)/);
    expect(joined).toMatch(/Workshop \(2×\)/);
    expect(joined).not.toContain('Geheim');
  });

  it('shows attendance from the meetings when there is any, and nothing of it otherwise', () => {
    const series = seriesResults(program, new Map([['auftakt', responses([4], [3], [5])]]));
    const lines = ['Auftakt: 12 anwesend; 3 Antworten von 12 Anwesenden (25 %)', 'Teilnahme im Verlauf: Auftakt 12 → Vertiefung 9'];
    const joined = strings(seriesCard(program, series, 'de', lines)).join('\n');
    expect(joined).toContain('Teilnahme (aus dem Meeting)');
    expect(joined.indexOf('Teilnahme im Verlauf')).toBeLessThan(joined.indexOf('Häufige Themen'));
    expect(strings(seriesCard(program, series, 'en')).join('\n')).not.toContain('Attendance');
    const results = sessionResults(program, session, responses([4], [3]));
    expect(strings(resultsCard(program, results, 'en', ['Auftakt: 2 present'])).join('\n')).toContain('Attendance (from the meeting)');
  });
});

describe('escapeCardText for any text', () => {
  it('leaves no mention, entity, link or unescaped Markdown control character', () => {
    const tricky = fc.constantFrom('<at>', '</at>', '&lt;', '&gt;', '&#60;', '[', '](', 'https://', '**', '_', '`', '#', '\\', '>', '-', '!', '~', '|', '\n', 'ä', ' ');
    const text = fc.array(fc.oneof(tricky, fc.string({ maxLength: 5 })), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (input) => {
        const out = escapeCardText(input);
        expect(out).not.toMatch(/[<>]/);
        expect(out).not.toMatch(/&[a-z#]/i);
        expect(out).not.toMatch(/https?:\/\//i);
        // Drop every backslash escape: what remains holds no inline markup character and no line that
        // starts a heading, list or numbered list.
        const rest = out.replace(/\\[\s\S]/g, '');
        expect(rest).not.toMatch(/[\\`*_[\]~]/);
        for (const line of out.split('\n')) expect(line).not.toMatch(/^\s*([#+-]|\d+[.)])/);
      }),
      { numRuns: 500 },
    );
  });
});
