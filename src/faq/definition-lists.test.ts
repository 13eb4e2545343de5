// An HTML definition list of practical information ("Cost", "Registration", "Recording", each with its
// paragraph) gives one passage per term, so that a question about one term meets its own paragraph and not a
// run-on paragraph of all of them. A short passage that lists several sessions describes none of them to the
// schedule's topic search. Invented program.
import { describe, expect, it } from 'vitest';
import { temporaryContent } from '../../tests/harness/temp-content.js';
import { createFaqEngine } from './engine.js';
import { ManualClock } from '../shared/clock.js';
import { htmlToMarkdown, splitIntoPassages } from './knowledge-base.js';
import { buildSessionMatcher } from './schedule-intents.js';
import { parseProgramText } from '../program/load.js';

const contentDir = temporaryContent('faq-dl-');

const program = [
  'program:',
  '  id: harbour-lights',
  '  title: "Harbour lights: lighting plans for port towns"',
  '  timezone: Europe/Lisbon',
  '  language: en',
  'sessions:',
  '  - id: kickoff',
  '    title: "Kick-off"',
  '    date: 2027-03-04',
  '    start: "10:00"',
  '    end: "11:30"',
  '  - id: piers-old',
  '    title: "Piers and promenades"',
  '    date: 2027-04-01',
  '    start: "10:00"',
  '    end: "11:30"',
  '    status: cancelled',
  '  - id: piers',
  '    title: "Piers and promenades (replacement)"',
  '    date: 2027-04-15',
  '    start: "10:00"',
  '    end: "11:30"',
  '  - id: closing',
  '    title: "Closing"',
  '    date: 2027-05-06',
  '    start: "10:00"',
  '    end: "11:30"',
  '',
].join('\n');

const page = `<html><body><h1>Harbour lights: practical information</h1>
<dl>
  <dt>Cost</dt>
  <dd><p>Taking part is free for port towns and their utilities. Consultants and lighting designers pay EUR 80 for the whole series.</p></dd>
  <dt>Registration</dt>
  <dd><p>Register by 12 February 2027 by e-mail to lights@example.org.</p><p>Please name your town and the harbour area you work on.</p></dd>
  <dt>Recording</dt>
  <dd>The talks are recorded and stay available to registered participants for 14 days; group work is not recorded.</dd>
  <dt>Which sessions are planned?</dt>
  <dd>Kick-off on 4 March; Piers and promenades on 1 April (cancelled, new date by e-mail); Closing on 6 May.</dd>
</dl></body></html>`;

describe('an HTML definition list', () => {
  it('gives each term with its description as a passage of its own', () => {
    const texts = splitIntoPassages(htmlToMarkdown(page), 'info.html').map((p) => p.text);
    expect(texts).toContain('Cost: Taking part is free for port towns and their utilities. Consultants and lighting designers pay EUR 80 for the whole series.');
    expect(texts).toContain('Registration: Register by 12 February 2027 by e-mail to lights@example.org. Please name your town and the harbour area you work on.');
    expect(texts).toContain('Recording: The talks are recorded and stay available to registered participants for 14 days; group work is not recorded.');
    // A term that asks stands before its answer without a colon.
    expect(texts.find((t) => t.startsWith('Which sessions are planned?'))).toMatch(/^Which sessions are planned\? Kick-off/);
  });

  it('reads a list whose closing tags are left out, and keeps a list or table in a description apart', () => {
    const texts = (html: string) => splitIntoPassages(htmlToMarkdown(html), 'info.html').map((p) => p.text);
    expect(texts('<dl><dt>Kosten<dd>kostenlos<dt>Ort<dd>Online über <b>Teams</b></dl>')).toEqual(['Kosten: kostenlos', 'Ort: Online über Teams']);
    expect(texts('<dl><dt>Kontakt</dt><dd><a href="mailto:team@example.org">Team</a></dd></dl>')).toEqual(['Kontakt: Team (team@example.org)']);
    const listed = texts('<dl><dt>Dates</dt><dd><ul><li>4 May: Kick-off</li><li>5 June: Closing</li></ul></dd></dl>');
    expect(listed).toContain('4 May: Kick-off');
    expect(listed).toContain('5 June: Closing');
    const table = texts('<dl><dt>Zeiten</dt><dd><table><tr><th>Tag</th><th>Zeit</th></tr><tr><td>Mo</td><td>9-12</td></tr></table></dd></dl>');
    expect(table).toContain('Mo: 9-12');
  });

  it('answers a question about one term from its own paragraph, and a list of the sessions names none of them', async () => {
    const dir = await contentDir({ 'program.yaml': program, 'material/info.html': page });
    const e = await createFaqEngine({ contentDir: dir, clock: new ManualClock(new Date('2027-01-20T08:00:00Z')) });
    const deadline = e.ask('Registration deadline?', { locale: 'en' });
    expect(deadline.answered).toBe(true);
    expect(deadline.answer).toContain('12 February 2027');
    expect(deadline.answer).not.toContain('EUR 80');
    const replaced = e.ask('When is the session on piers and promenades?', { locale: 'en' });
    expect(replaced.via).toBe('schedule');
    expect(replaced.answer).toContain('cancelled');
    expect(replaced.answer).toContain('15 April 2027');
  });

  it('does not describe a session by a short passage that lists the other sessions too', () => {
    const passages = splitIntoPassages(htmlToMarkdown(page), 'info.html');
    const matcher = buildSessionMatcher(parseProgramText(program), passages);
    // Only the list of all sessions says "new date by e-mail": it describes none of them.
    expect(matcher.index.query('new date by e-mail').hits.map((h) => h.doc.id)).toEqual([]);
  });
});
