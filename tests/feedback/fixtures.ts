// Shared test fixtures of the feedback feature: a five-session program in Europe/Berlin (the seed series)
// and plausible Entra object ids. Tables for each test come from tests/harness/azurite.ts.
import { programSchema, type Program } from '../../src/program/model.js';

export function testProgram(overrides: { minResponses?: number; closeAfter?: string; openAfterEnd?: string; id?: string } = {}): Program {
  return programSchema.parse({
    program: {
      id: overrides.id ?? 'stadt-daten-strategie',
      title: 'Stadt, Daten, Strategie',
      timezone: 'Europe/Berlin',
      language: 'de',
      feedback: {
        openAfterEnd: overrides.openAfterEnd ?? 'PT0M',
        closeAfter: overrides.closeAfter ?? 'P7D',
        minResponses: overrides.minResponses ?? 3,
      },
    },
    sessions: [
      { id: 'auftakt', title: 'Auftaktveranstaltung', date: '2025-08-26', start: '10:00', end: '12:00' },
      { id: 'wie-fange-ich-an', title: 'Wie fange ich an?', date: '2025-09-25', start: '10:00', end: '12:00' },
      { id: 'finalisierung', title: 'Finalisierung', date: '2025-11-18', start: '10:00', end: '12:00' },
      { id: 'data-governance', title: 'Data Governance Wegweiser', date: '2025-12-16', start: '10:00', end: '12:00' },
      { id: 'abschluss', title: 'Abschlusstreffen', date: '2026-01-20', start: '10:00', end: '12:00' },
    ],
  });
}

/** A plausible Entra object id for test person n. */
export function aadId(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}
