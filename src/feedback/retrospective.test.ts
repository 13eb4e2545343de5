import { describe, expect, it } from 'vitest';
import { testProgram } from '../../tests/feedback/fixtures.js';
import { resolveSession, seriesResults, sessionResults, type ResponseRecord } from './retrospective.js';

const program = testProgram();
const at = new Date('2025-12-16T12:30:00Z');
const r = (rating: number, good?: string, better?: string): ResponseRecord => ({
  rating,
  ...(good ? { good } : {}),
  ...(better ? { better } : {}),
  submittedAt: at,
});

describe('resolveSession', () => {
  const id = (arg: string) => {
    const found = resolveSession(program, arg);
    return found.kind === 'found' ? found.session.id : found.kind;
  };

  it('finds a session by id, title words, or date', () => {
    expect(id('auftakt')).toBe('auftakt');
    expect(id('Auftakt')).toBe('auftakt');
    expect(id('Data Governance')).toBe('data-governance');
    expect(id('governance wegweiser')).toBe('data-governance');
    expect(id('16.12.')).toBe('data-governance');
    expect(id('16.12.2025')).toBe('data-governance');
    expect(id('16.12.25')).toBe('data-governance');
    expect(id('2025-12-16')).toBe('data-governance');
    expect(id('20.1.')).toBe('abschluss');
    expect(id('abschlusstreffen')).toBe('abschluss');
    expect(id('Wie fange ich an?')).toBe('wie-fange-ich-an');
  });

  it('says when nothing matches, the argument is missing or several sessions match', () => {
    const unknown = resolveSession(program, 'Sommerfest');
    expect(unknown.kind).toBe('unknown');
    expect(unknown.kind !== 'found' && unknown.candidates).toHaveLength(5);
    expect(resolveSession(program, '16.12.2026').kind).toBe('unknown');
    expect(resolveSession(program, '   ').kind).toBe('missing');
    const ambiguous = resolveSession(program, 'an');
    expect(ambiguous.kind).toBe('ambiguous');
  });
});

describe('sessionResults', () => {
  const session = program.sessions[0]!;

  it('counts, averages and distributes; comments sorted by text, not by time', () => {
    const results = sessionResults(program, session, [r(5, 'Zum Schluss'), r(3, 'Am Anfang', 'Pausen'), r(4), r(4, undefined, 'Mehr Zeit')]);
    expect(results).toMatchObject({
      count: 4,
      disclosed: true,
      average: 4,
      distribution: [0, 0, 1, 2, 1],
      comments: { good: ['Am Anfang', 'Zum Schluss'], better: ['Mehr Zeit', 'Pausen'] },
    });
  });

  it('withholds everything but the count below minResponses', () => {
    const results = sessionResults(program, session, [r(1, 'geheim'), r(2)]);
    expect(results).toEqual({
      sessionId: 'auftakt',
      title: 'Auftaktveranstaltung',
      startsAt: '2025-08-26T08:00:00.000Z',
      count: 2,
      minResponses: 3,
      disclosed: false,
      comments: { good: [], better: [] },
    });
  });
});

describe('seriesResults', () => {
  it('builds the trend, best session and response rates; cancelled sessions are left out', () => {
    const withCancelled = { ...program, sessions: program.sessions.map((s) => (s.id === 'finalisierung' ? { ...s, status: 'cancelled' as const } : s)) };
    const series = seriesResults(
      withCancelled,
      new Map([
        ['auftakt', [r(3), r(4), r(5)]],
        ['wie-fange-ich-an', [r(5), r(5), r(4)]],
        ['data-governance', [r(1)]],
      ]),
      20,
    );
    expect(series.sessions.map((s) => s.sessionId)).toEqual(['auftakt', 'wie-fange-ich-an', 'data-governance', 'abschluss']);
    expect(series.best?.sessionId).toBe('wie-fange-ich-an');
    expect(series.sessions[0]).toMatchObject({ count: 3, average: 4, audience: 20, responseRate: 0.15 });
    expect(series.sessions[2]).toMatchObject({ count: 1, disclosed: false });
    expect(series.sessions[2]!.average).toBeUndefined();
    expect(series.overall.count).toBe(7);
    expect(series.overall.average).toBeCloseTo(26 / 6);
  });
});
