// Round 20: the participle „teilgenommen“ is a form of taking part, so a question how often one must take part
// for a certificate meets the sentence that says so. „dabei war“ is not: „wenn kein Link dabei war“ says that
// something was enclosed. Invented program.
import { describe, expect, it } from 'vitest';
import { temporaryContent } from '../../tests/harness/temp-content.js';
import { programYaml } from '../../tests/harness/content.js';
import { ManualClock } from '../shared/clock.js';
import { createFaqEngine } from './engine.js';
import { GENERAL_LEXICON } from './lexicon.js';

const contentDir = temporaryContent('faq-participation-');

const program = programYaml([{ id: 'auftakt', title: 'Auftakt', date: '2027-03-02', start: '15:00', end: '16:30' }], { id: 'quartiere', title: 'Quartiere im Wandel' });

const material = [
  '# Bestätigung',
  '',
  'Wer an mindestens 3 der 4 Termine live teilgenommen hat, bekommt eine Teilnahmebestätigung per E-Mail.',
  '',
  '# Anmeldung',
  '',
  'Anmeldung bis 15.02.2027 bei Lea Sommer, quartiere@netz.example.org. Die Plätze sind begrenzt.',
  '',
  '# Ablauf',
  '',
  'Jeder Termin beginnt mit einem Impuls aus einem Quartier, danach arbeiten wir in kleinen Gruppen.',
  '',
].join('\n');

describe('words for taking part', () => {
  it('include the participle, not the past of "dabei sein"', () => {
    const term = GENERAL_LEXICON.lookup('teilnehmen');
    expect(GENERAL_LEXICON.lookup('teilgenommen')).toBe(term);
    expect(GENERAL_LEXICON.lookup('dabei war')).toBeUndefined();
  });

  it('let a question how often one must take part meet the sentence with the participle', async () => {
    const dir = await contentDir({ 'program.yaml': program, 'material/info.md': material });
    const engine = await createFaqEngine({ contentDir: dir, clock: new ManualClock('2027-02-01T08:00:00Z') });
    const de = engine.ask('An wie vielen Terminen muss ich teilnehmen für die Teilnahmebestätigung?');
    expect(de.answered).toBe(true);
    expect(de.answer).toContain('3 der 4 Termine');
    const en = engine.ask('How many sessions do I need to attend live to get the certificate?', { locale: 'en' });
    expect(en.answered).toBe(true);
    expect(en.answer).toContain('3 der 4 Termine');
  });
});
