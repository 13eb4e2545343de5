// Round 19: English questions as participants type them: contractions without the apostrophe ("whats the next
// session"), prepositions such as "onto" as no topic, and "day of the week" asking for a weekday (not for this
// week's sessions). An invented program;
// each answer is checked against another reading nearby.
import { describe, expect, it } from 'vitest';
import { temporaryContent } from '../../tests/harness/temp-content.js';
import { programYaml } from '../../tests/harness/content.js';
import { createFaqEngine } from './engine.js';
import { ManualClock } from '../shared/clock.js';

const contentDir = temporaryContent('faq-typed-');

const program = programYaml(
  [
    { id: 'kickoff', title: 'Kick-off: two harbours', date: '2027-03-09', start: '09:00', end: '10:30' },
    { id: 'ferries', title: 'Ferries and timetables', date: '2027-04-13', start: '09:00', end: '10:30' },
    { id: 'closing', title: 'What we take home', date: '2027-06-17', start: '09:00', end: '11:00' },
  ],
  { id: 'harbour-towns', title: 'Harbour Towns Exchange', timezone: 'America/Sao_Paulo', language: 'en' },
);

const material = [
  '# About the exchange',
  '',
  'Two harbour towns compare how they run ferries, moorings and harbour fees.',
  '',
  '# Fees',
  '',
  'Participation is free of charge for municipalities.',
  '',
  '# Visits',
  '',
  'At most 300 visitors a day are allowed on the pier.',
  '',
].join('\n');

async function engine() {
  const dir = await contentDir({ 'program.yaml': program, 'material/call.md': material });
  return createFaqEngine({ contentDir: dir, clock: new ManualClock('2027-03-20T12:00:00Z') });
}

describe('questions typed as spoken', () => {
  it('reads a contraction without its apostrophe as the contraction', async () => {
    const e = await engine();
    const next = e.ask('whats the next meeting of the harbour towns exchange', { locale: 'en' });
    expect(next.answered).toBe(true);
    expect(next.answer).toContain('13 April 2027');
    expect(e.ask('whats the harbour fee in Lisbon', { locale: 'en' }).answered).toBe(false);
  });

  it('reads "onto" as no topic of the question', async () => {
    const e = await engine();
    const pier = e.ask('How many visitors a day are allowed onto the pier?', { locale: 'en' });
    expect(pier.answered).toBe(true);
    expect(pier.answer).toContain('300');
    expect(e.ask('How many boats a day are allowed onto the pier?', { locale: 'en' }).answered).toBe(false);
  });

  it('keeps "near" as a word of the question: a venue\'s address does not answer where to park near it', async () => {
    const dir = await contentDir({
      'program.yaml': program,
      'material/call.md': `${material}\n# Venue\n\nThe workshop day takes place at the Town Hall of Lindfeld, Marktplatz 3.\n\n# Parking\n\nFree parking is available in the garage next to the town hall.\n`,
    });
    const e = await createFaqEngine({ contentDir: dir, clock: new ManualClock('2027-03-20T12:00:00Z') });
    expect(e.ask('Is there parking near the venue?', { locale: 'en' }).answer).not.toContain('Marktplatz 3');
  });

  it('reads "day of the week" as a weekday asked for, of the session the question names', async () => {
    const e = await engine();
    const last = e.ask('Which day of the week is the final session on?', { locale: 'en' });
    expect(last.answer).toContain('Thursday, 17 June 2027');
    const all = e.ask('On which day of the week do the sessions take place?', { locale: 'en' });
    expect(all.answer).toContain('Tuesday, 9 March 2027');
    // "this week" still asks for this week's sessions.
    expect(e.ask('Is there a session this week?', { locale: 'en' }).answer).not.toContain('17 June');
  });
});
