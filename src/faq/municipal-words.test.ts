// Round 20: general words of municipal work in both languages (bilingual.ts), so a question in the other
// language than the material meets it: „children's fire brigade“ the „Kinderfeuerwehr“, „Straßenbäume“ the
// „street trees“, „property owners“ the „Eigentümer“. Invented programs.
import { describe, expect, it } from 'vitest';
import { temporaryContent } from '../../tests/harness/temp-content.js';
import { programYaml } from '../../tests/harness/content.js';
import { ManualClock } from '../shared/clock.js';
import { createFaqEngine } from './engine.js';

const contentDir = temporaryContent('faq-municipal-');

/** An engine over one material file: a German program, or an English one. */
async function engineOver(material: string, language: 'de' | 'en' = 'de') {
  const program =
    language === 'de'
      ? programYaml([{ id: 'auftakt', title: 'Auftakt', date: '2027-03-02', start: '15:00', end: '16:30' }], { id: 'dorf', title: 'Dorf und Ehrenamt' })
      : programYaml([{ id: 'kickoff', title: 'Kick-off', date: '2027-03-02', start: '15:00', end: '16:30' }], { id: 'trees', title: 'Trees in Towns', language: 'en' });
  const dir = await contentDir({ 'program.yaml': program, 'material/info.md': material });
  return createFaqEngine({ contentDir: dir, clock: new ManualClock('2027-02-01T08:00:00Z') });
}

const german = [
  '# Kinderfeuerwehr',
  '',
  'Den Impuls zur Kinderfeuerwehr hält Jonas Reuter, Jugendwart in Almbach. Die Gruppe trifft sich jeden Freitag.',
  '',
  '# Eigentümer gewinnen',
  '',
  'Wie Eigentümerinnen und Eigentümer leerer Läden angesprochen werden, berichtet Mara Quist aus Seeheim.',
  '',
  '# Anmeldung',
  '',
  'Anmeldung bis 15.02.2027 bei Lea Sommer, netz@almbach.example.org. Die Teilnahme ist kostenlos.',
  '',
].join('\n');

const english = [
  '# Street trees in Port Ellis',
  '',
  'Port Ellis has 12,400 street trees and planted 640 new ones in 2026, mostly drought-tolerant species.',
  '',
  '# Registration',
  '',
  'Register by 15 February 2027 with Ana Costa, trees@portellis.example.org. Participation is free of charge.',
  '',
].join('\n');

describe('general words of municipal work', () => {
  it('meet German material from an English question', async () => {
    const engine = await engineOver(german);
    const fire = engine.ask('Who gives the talk about the childrens fire brigade?', { locale: 'en' });
    expect(fire.answered).toBe(true);
    expect(fire.answer).toContain('Jonas Reuter');
    const owners = engine.ask('Who reports on property owners?', { locale: 'en' });
    expect(owners.answer).toContain('Mara Quist');
    expect(engine.ask('Who is the mayor of Almbach?', { locale: 'en' }).answered).toBe(false);
  });

  it('meet English material from a German question', async () => {
    const engine = await engineOver(english, 'en');
    const planted = engine.ask('Wie viele Bäume hat Port Ellis gepflanzt?');
    expect(planted.answered).toBe(true);
    expect(planted.answer).toContain('640');
    expect(engine.ask('Wie viele Spielplätze hat Port Ellis?').answered).toBe(false);
  });

  it('take a walk for a tour of the place, in either language', async () => {
    const material = ['# Stadtspaziergang', '', 'Treffpunkt für den Stadtspaziergang ist der Marktbrunnen in Almbach, um 13:30 Uhr.', '', '# Anmeldung', '', 'Anmeldung bis 15.02.2027 bei Lea Sommer, netz@almbach.example.org.', ''].join('\n');
    const engine = await engineOver(material);
    const walk = engine.ask('Where do we meet for the town walk?', { locale: 'en' });
    expect(walk.answered).toBe(true);
    expect(walk.answer).toContain('Marktbrunnen');
    expect(engine.ask('Wo treffen wir uns zum Rundgang?').answer).toContain('Marktbrunnen');
  });

  it('read a network as the network, and "trotzdem" as no word of the topic', async () => {
    const material = ['# Beitrag', '', 'Für Mitglieder des Netzwerks ist die Teilnahme kostenfrei. Gemeinden, die nicht Mitglied des Netzwerks sind, zahlen 180 Euro pro Person.', '', '# Ablauf', '', 'Jeder Termin beginnt mit einem Impuls, danach arbeiten wir in Gruppen.', ''].join('\n');
    const engine = await engineOver(material);
    const outside = engine.ask('How much does it cost for municipalities outside the network?', { locale: 'en' });
    expect(outside.answered).toBe(true);
    expect(outside.answer).toContain('180 Euro');
    const members = engine.ask('Wir sind Mitglied, zahlen wir trotzdem einen Beitrag?');
    expect(members.answered).toBe(true);
    expect(members.answer).toContain('kostenfrei');
  });

  it('leave out words of another meaning (a reviewer\'s cases)', async () => {
    const material = [
      '# Rathaus', '', 'Das Rathaus Almbach ist montags bis freitags von 8 bis 16 Uhr geöffnet.', '',
      '# Spielplätze', '', 'Die Kontrolle der Spielplätze übernimmt der Bauhof zweimal im Jahr.', '',
      '# Trinkwasser', '', 'Almbach hat an allen Schulen Trinkwasserspender aufgestellt.', '',
      '# Termine', '', 'Die Termine werden in Abstimmung mit den beteiligten Kommunen festgelegt.', '',
    ].join('\n');
    const engine = await engineOver(material);
    const en = (q: string) => engine.ask(q, { locale: 'en' }).answer;
    expect(en('Is registration still open?')).not.toContain('geöffnet');
    expect(en('Who checks the registrations?')).not.toContain('Spielplätze');
    expect(en('Is there any training beforehand?')).not.toContain('Schulen');
    expect(en('Can we vote?')).not.toContain('Abstimmung');
    const english = ['# Town hall', '', 'The coffee shop next to the entrance of the town hall opens at 8 am.', ''].join('\n');
    const enEngine = await engineOver(english, 'en');
    expect(enEngine.ask('Kann ich am Eingang laden?').answer).not.toContain('coffee shop');
  });
});
