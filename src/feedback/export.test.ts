import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testProgram } from '../../tests/feedback/fixtures.js';
import { csvField, neutralizeFormula, responsesToCsv, responsesToJson } from './export.js';
import type { ResponseRecord } from './retrospective.js';

const program = testProgram();
const session = program.sessions[3]!;

const responses: ResponseRecord[] = [
  { rating: 4, good: 'Größere Übersicht, schöne Beispiele', better: 'Sie sagte: "mehr Zeit"', submittedAt: new Date('2025-12-16T22:59:00Z') },
  { rating: 5, good: 'Zeile 1\nZeile 2', submittedAt: new Date('2025-12-16T11:05:00Z') },
  { rating: 2, better: '=HYPERLINK("https://evil","klick")', submittedAt: new Date('2025-12-17T08:00:00Z') },
];

describe('CSV export', () => {
  it('is RFC 4180 with CRLF, doubled quotes, quoted commas and newlines, and a UTF-8 BOM', () => {
    const csv = responsesToCsv(program, session, responses);
    expect(csv.startsWith('\uFEFFsession,sessionTitle,submittedDate,rating,good,better\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv).toBe(
      '\uFEFFsession,sessionTitle,submittedDate,rating,good,better\r\n' +
        'data-governance,Data Governance Wegweiser,2025-12-16,5,"Zeile 1\nZeile 2",\r\n' +
        'data-governance,Data Governance Wegweiser,2025-12-16,4,"Größere Übersicht, schöne Beispiele","Sie sagte: ""mehr Zeit"""\r\n' +
        'data-governance,Data Governance Wegweiser,2025-12-17,2,,"\'=HYPERLINK(""https://evil"",""klick"")"\r\n',
    );
    // Bytes: the BOM and umlauts in UTF-8.
    const bytes = Buffer.from(csv, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.includes(Buffer.from('Größere', 'utf8'))).toBe(true);
  });

  it('names no person and keeps only the date in the program zone (23:59 in Berlin is still the 16th)', () => {
    const csv = responsesToCsv(program, session, responses);
    expect(csv).not.toMatch(/T\d\d:\d\d/);
    expect(csv).not.toContain('2025-12-16T22');
  });

  it('quotes only where needed', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('a"b')).toBe('"a""b"');
    expect(csvField('a\rb')).toBe('"a\rb"');
    expect(csvField('')).toBe('');
  });
});

describe('JSON export', () => {
  it('holds the summary and the anonymous responses', () => {
    const doc = JSON.parse(responsesToJson(program, session, responses));
    expect(doc.session).toEqual({ id: 'data-governance', title: 'Data Governance Wegweiser', date: '2025-12-16', start: '10:00', end: '12:00' });
    expect(doc.count).toBe(3);
    expect(doc.average).toBe(3.67);
    expect(doc.distribution).toEqual([0, 1, 0, 1, 1]);
    expect(doc.responses[0]).toEqual({ submittedDate: '2025-12-16', rating: 5, good: 'Zeile 1\nZeile 2', better: null });
    expect(Object.keys(doc.responses[0]).sort()).toEqual(['better', 'good', 'rating', 'submittedDate']);
  });
});

/** A strict RFC 4180 reader, to check that what we write reads back as written. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
      else if (c === '"') (quoted = false), (i += 1);
      else (field += c), (i += 1);
    } else if (c === '"' && field === '') (quoted = true), (i += 1);
    else if (c === ',') row.push(field), (field = ''), (i += 1);
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), (i += 2);
    else if (c === '\r' || c === '\n' || c === '"') throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
    else (field += c), (i += 1);
  }
  if (field !== '' || row.length) throw new Error('missing final CRLF');
  return rows;
}

describe('CSV round trip', () => {
  it('reads back every comment exactly (apart from the formula guard)', () => {
    const comment = fc.array(fc.constantFrom('a', 'ä', 'ß', ',', '"', '\r', '\n', '\r\n', ' ', '😀', ';', "'", '=', '-', '@'), { maxLength: 20 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(fc.record({ rating: fc.integer({ min: 1, max: 5 }), good: comment, better: comment }), { maxLength: 8 }), (items) => {
        const records = items.map((r) => ({ ...r, submittedAt: new Date('2025-12-16T12:00:00Z') }));
        const csv = responsesToCsv(program, session, records);
        const rows = parseCsv(csv.slice(1));
        expect(rows[0]).toEqual(['session', 'sessionTitle', 'submittedDate', 'rating', 'good', 'better']);
        const read = rows.slice(1).map((r) => `${r[3]}|${r[4]}|${r[5]}`).sort();
        const written = records.map((r) => `${r.rating}|${neutralizeFormula(r.good)}|${neutralizeFormula(r.better)}`).sort();
        expect(read).toEqual(written);
      }),
      { numRuns: 300 },
    );
  });
});
