// A table row counts what its first cell names in every other cell: "How many noise complaints does Kerstenbrück
// get?" is answered by the row "Noise complaints per year (2026) | … | Kerstenbrück: 640", where no number stands
// beside the word "complaints". Invented program.
import { describe, expect, it } from 'vitest';
import { temporaryContent } from '../../tests/harness/temp-content.js';
import { createFaqEngine } from './engine.js';
import { ManualClock } from '../shared/clock.js';

const contentDir = temporaryContent('faq-table-counts-');

const program = ['program:', '  id: quiet', '  title: "Quiet towns"', '  timezone: Europe/Berlin', '  language: en', 'sessions:', '  - id: kickoff', '    title: "Kick-off"', '    date: 2027-03-02', '    start: "15:00"', '    end: "16:30"', ''].join('\n');

const notes = [
  '# Notes of the kick-off',
  '',
  '## The cases in figures',
  '',
  '| Figure | Harbourton | Millbrook | Eastfield |',
  '| --- | --- | --- | --- |',
  '| Noise complaints per year (2026) | 2,360 | 1,180 | 640 |',
  '| Quiet areas | 3 | 5 | 2 |',
  '',
  '## Eastfield',
  '',
  'Most complaints in Eastfield concern leisure noise and neighbours, not traffic.',
  '',
].join('\n');

describe('a count in a table row', () => {
  it('answers how many from the row that names the thing counted', async () => {
    const dir = await contentDir({ 'program.yaml': program, 'material/notes.md': notes });
    const e = await createFaqEngine({ contentDir: dir, clock: new ManualClock(new Date('2027-03-05T08:00:00Z')) });
    const a = e.ask('How many noise complaints does Eastfield get per year?', { locale: 'en' });
    expect(a.answered).toBe(true);
    expect(a.answer).toContain('Eastfield: 640');
    // A row of names and figures is in no language: no "(in German)" before it.
    expect(a.answer).not.toContain('in German');
    // A row of another thing counts no complaints.
    expect(e.ask('How many parks does Eastfield have?', { locale: 'en' }).answered).toBe(false);
  });
});
