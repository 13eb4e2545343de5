// Round 5: how a question's words are judged for scope and for the answer's passage (general syntax, no
// program's words).
import { describe, expect, it } from 'vitest';
import { temporaryContent } from '../../tests/harness/temp-content.js';
import { casedWords, verbPositionWords } from './german.js';
import { createFaqEngine } from './engine.js';

const contentDir = temporaryContent('faq-judging-');

describe('words at a verb place', () => {
  it('finds the verb beside a subject pronoun, after "who" with an -s, and an -ing form before a particle', () => {
    expect([...verbPositionWords('Krieg ich am Ende ein Zertifikat?')]).toContain('krieg');
    expect([...verbPositionWords('Wie lange parkt man dort gratis?')]).toContain('parkt');
    expect([...verbPositionWords('Who do I write to about registration?')]).toContain('write');
    expect([...verbPositionWords('How long can we watch the recordings?')]).toContain('watch');
    expect([...verbPositionWords('Who handles the registration?')]).toContain('handles');
    expect([...verbPositionWords('Who should I email about signing up?')]).toContain('signing');
    expect([...verbPositionWords('An welchem Tag üben wir, selbst eine Ausschreibung zu formulieren?')]).toEqual(expect.arrayContaining(['uben', 'formulieren']));
    expect([...verbPositionWords('Was muss ich tun, um das Zertifikat zu bekommen?')]).toContain('bekommen');
    expect([...verbPositionWords('wann gibt es infos zu terminen')]).not.toContain('terminen');
    expect([...verbPositionWords('Is lunch provided on the site visit?')]).toContain('provided');
    expect([...verbPositionWords('Is the advanced course shared?')]).toContain('shared');
    expect([...verbPositionWords('Is the advanced course online?')]).not.toContain('advanced');
  });

  it('finds a separable verb made a noun after "zum" or "beim" at a clause\'s end, not a meal', () => {
    expect([...verbPositionWords('Gibt es Aufnahmen von den Vorträgen zum Nachschauen?')]).toContain('nachschaun');
    expect([...verbPositionWords('Was brauche ich beim Anmelden, wenn ich vertreten werde?')]).toContain('anmelden');
    expect([...verbPositionWords('Gibt es etwas zum Abendessen?')]).not.toContain('abendessen');
    expect([...verbPositionWords('Gibt es zum Nachschauen Aufnahmen?')]).not.toContain('nachschaun');
  });

  it('finds the English verb after a modal, or after "did"/"does" and a name, but not a noun after a determiner', () => {
    expect([...verbPositionWords('how much did lindau spend on cameras')]).toContain('spend');
    expect([...verbPositionWords('how much of the budget should go to outreach')]).toContain('go');
    expect([...verbPositionWords('How many sessions does the exchange have?')]).not.toContain('exchange');
  });

  it('never takes a noun written with a capital inside the sentence, nor the topic words', () => {
    expect([...verbPositionWords('Gibt es Parkplätze am Bauhof?')]).not.toContain('parkplatze');
    expect([...verbPositionWords('Wann ist die Fahrradtour?')]).toEqual([]);
    expect([...verbPositionWords('Wo Hotel ich?')]).not.toContain('hotel');
  });
});

describe('lower-case words of a cased German question', () => {
  it('are the verbs, adjectives and adverbs when capitals mark the nouns; nothing otherwise', () => {
    expect([...casedWords('Darf ich meinen privaten Account für die Arbeit nutzen?')]).toEqual(expect.arrayContaining(['nutzen', 'privaten']));
    expect([...casedWords('Darf ich meinen privaten Account für die Arbeit nutzen?')]).not.toContain('account');
    expect([...casedWords('wie früh muss man bestellen')]).toEqual([]);
    expect([...casedWords('How long can we watch the recordings?')]).toEqual([]);
  });
});

describe('confidence: the passage must name what the question names', () => {
  const material = [
    '# Rufbus',
    '',
    'Die Stadt Lindau betreibt einen Rufbus mit 12 Haltestellen. Bestellt wird er per App oder per Telefon.',
    '',
    '# Umfrage',
    '',
    'Befragt wurden 300 Einwohner aus Oberau zu ihren Wegen zur Arbeit.',
  ].join('\n');

  it('declines a question whose named words the material has only in different passages', async () => {
    const engine = await createFaqEngine({ contentDir: await contentDir({ 'material/info.md': material }) });
    expect(engine.ask('Wie viele Einwohner hat Lindau?').answered).toBe(false);
    expect(engine.ask('Wie viele Einwohner aus Oberau wurden befragt?').answered).toBe(true);
    expect(engine.ask('Wie viele Haltestellen hat der Rufbus in Lindau?').answered).toBe(true);
  });

  it('does not count a word the material lacks against the scope when it stands at the verb place', async () => {
    const engine = await createFaqEngine({
      contentDir: await contentDir({ 'material/info.md': '# Zertifikat\n\nEin Zertifikat gibt es nicht. Auf Wunsch stellen wir eine Teilnahmebestätigung aus.\n\n# Kosten\n\nDie Teilnahme kostet 90 Euro.\n' }),
    });
    const a = engine.ask('Krieg ich ein Zertifikat?');
    expect(a.answered).toBe(true);
    expect(a.answer).toContain('Teilnahmebestätigung');
  });
});

describe('confidence: a compound of a topic and a kind of fact', () => {
  it('asks for that fact of its topic ("Reisekosten" is not answered by "kostenlos")', async () => {
    const engine = await createFaqEngine({
      contentDir: await contentDir({ 'material/info.md': '# Kosten\n\nDie Teilnahme ist kostenlos.\n\n# Anreise\n\nDer Bahnhof liegt fünf Minuten vom Rathaus entfernt.\n' }),
    });
    expect(engine.ask('Kostet die Teilnahme etwas?').answered).toBe(true);
    expect(engine.ask('Werden Reisekosten erstattet?').answered).toBe(false);
  });
});

describe('the verb beside a subject pronoun names no subject', () => {
  it('is found on its own for judging the subject ("Which platform do you use?"), without the other verb places', () => {
    expect([...verbPositionWords('Which platform do you use?', { besidePronoun: true })]).toContain('use');
    expect([...verbPositionWords('Who welcomes participants at the town hall?', { besidePronoun: true })]).toEqual([]);
    expect([...verbPositionWords('Who welcomes participants at the town hall?')]).toEqual(['welcomes']);
  });
});

describe('a lower-case word of one or two letters', () => {
  it('is a typo or a particle, not an unknown topic; an abbreviation in capitals still is one', async () => {
    const engine = await createFaqEngine({
      contentDir: await contentDir({ 'material/info.md': '# Konto\n\nEin Teams-Konto brauchst du nicht: Du kannst über den Link im Browser teilnehmen.\n\n# Kosten\n\nDie Teilnahme kostet 90 Euro.\n' }),
    });
    expect(engine.ask('Brauch ich en Teams Konto?').answer).toContain('Browser');
    expect(engine.ask('Gibt es ein Teams Konto für KI?').answered).toBe(false);
  });
});

describe('the person asking is no subject of a question, the name of the series still is one', () => {
  it('answers a question that ends in "myself", and declines the cost of the topic in the title when only the fee is known', async () => {
    const program = ['program:', '  id: pflege-exchange', '  title: "Wärmeplanung kompakt: ein Austausch"', '  language: en', 'sessions:', '  - id: kickoff', '    title: "Kick-off"', '    date: 2027-09-07', '    start: "13:00"', '    end: "14:30"', ''].join('\n');
    const material = ['# Participation', '', 'Participation is free of charge. Participants pay their own travel to the visit in Odense.', '', '# The exchange', '', 'This exchange brings heat planners from both countries together.', ''].join('\n');
    const engine = await createFaqEngine({ contentDir: await contentDir({ 'program.yaml': program, 'material/info.md': material }) });
    expect(engine.ask('Do I have to pay for the trip to Odense myself?', { locale: 'en' }).answer).toContain('own travel');
    expect(engine.ask('Was kostet eine Wärmeplanung?').answered).toBe(false);
    expect(engine.ask('Was kostet das Hotel in Odense?').answered).toBe(false);
  });
});

describe('words written apart that the material writes as one', () => {
  it('join into the material\'s compound, and the parts then count for nothing of their own', async () => {
    const engine = await createFaqEngine({
      contentDir: await contentDir({ 'material/info.md': '# Vorsorge\n\nEin gelebtes Risikomanagement ist wichtig, damit die Verwaltung im Ernstfall arbeitsfähig bleibt.\n\n# Kosten\n\nDie Teilnahme kostet 90 Euro.\n' }),
    });
    expect(engine.ask('Warum ist Risiko Management wichtig?').answer).toContain('Risikomanagement');
    expect(engine.ask('Was kostet das Risiko Coaching?').answered).toBe(false);
  });
});
