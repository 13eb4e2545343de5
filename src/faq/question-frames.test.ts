// General question frames of German and English that name no topic but the kind of fact asked for ("Wie lang
// ...?", "Wie hoch ...?", "Für wen ist ... gedacht?"), and the rule that the fact must be said of the question's
// subject. Material here is invented; none of it comes from an evaluation program.
import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ManualClock } from '../shared/clock.js';
import { createFaqEngine, preferLanguage } from './engine.js';
import type { RetrievalHit } from './retrieval.js';
import { GENERAL_LEXICON } from './lexicon.js';
import { holdsStreetAddress, questionTypes, sentenceAnswers } from './question-types.js';
import { termsOfWord } from './german.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => fs.rm(d, { recursive: true, force: true })));
});

async function engineOver(material: Record<string, string>) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'faq-frames-'));
  dirs.push(dir);
  await fs.mkdir(path.join(dir, 'material'));
  for (const [name, text] of Object.entries(material)) await fs.writeFile(path.join(dir, 'material', name), text);
  return createFaqEngine({ contentDir: dir, clock: new ManualClock('2026-01-10T08:00:00Z'), deriveProgram: false });
}

const MATERIAL = {
  'info.md': [
    '# Sportförderung im Landkreis',
    '## Wer kann mitmachen?',
    'Die Werkstatt richtet sich an Vorstände von Sportvereinen und an Sachbearbeitende der Sportämter.',
    '## Ablauf',
    'Jede Sitzung beginnt mit einem Kurzvortrag von 15 Minuten, danach arbeiten wir in Gruppen.',
    '## Vertretung',
    'Wer verhindert ist, kann eine Stellvertretung aus demselben Verein schicken.',
    '## Fonds',
    'Der Vereinsfonds umfasst 80.000 Euro pro Jahr. Anträge dürfen alle Vereine ab 20 Mitgliedern stellen. Im Jahr 2025 gingen 140 Anträge ein. Verwirklicht wurden unter anderem eine Kletterwand im Stadtpark und neue Tore.',
    '## Platzwart',
    'Der Platzwart öffnet die Halle samstags.',
  ].join('\n\n'),
};

describe('question frames', () => {
  it('reads "wie lang", "wie schnell", "wie hoch", "Geld" and "für wen" as the kind of fact asked for', () => {
    expect(questionTypes('Wie lang ist der Vortrag?', GENERAL_LEXICON).has('duration')).toBe(true);
    expect(questionTypes('Wie schnell war die Halle bereit?', GENERAL_LEXICON).has('duration')).toBe(true);
    expect(questionTypes('Wie hoch ist der Zuschuss?', GENERAL_LEXICON).has('amount')).toBe(true);
    expect(questionTypes('Wie viel Geld bekommt der Verein?', GENERAL_LEXICON).has('amount')).toBe(true);
    // "Um wie viel Uhr" asks for a time, not an amount.
    expect(questionTypes('Um wie viel Uhr beginnt es?', GENERAL_LEXICON).has('amount')).toBe(false);
    const term = (w: string) => GENERAL_LEXICON.lookup(w);
    expect(term('für wen')).toBe(term('richtet sich'));
    expect(term('gedacht')).toBe(term('zielgruppe'));
    expect(term('einspringen')).toBe(term('Stellvertretung'));
    expect(term('in your place')).toBe(term('Vertretung'));
    expect(term('erfunden')).toBe(term('entstand'));
    expect(term('aufgenommen')).toBe(term('Aufzeichnung'));
    expect(term('mitbringen')).toBe(term('prepare'));
    expect(term('Kollegin')).toBe(term('colleague'));
    expect(term('Personen')).toBe(term('people'));
  });

  it('treats titles before names as no content word', () => {
    expect(termsOfWord('Dr', undefined, GENERAL_LEXICON)).toEqual([]);
    expect(termsOfWord('Prof', undefined, GENERAL_LEXICON)).toEqual([]);
  });

  it('answers frame questions whose frame word the material never uses', async () => {
    const engine = await engineOver(MATERIAL);
    const audience = engine.ask('Für wen ist die Werkstatt gedacht?');
    expect(audience.answered).toBe(true);
    expect(audience.answer).toContain('Vorstände');
    const length = engine.ask('Wie lang ist der Kurzvortrag?');
    expect(length.answered).toBe(true);
    expect(length.answer).toContain('15 Minuten');
    const amount = engine.ask('Wie hoch ist der Vereinsfonds?');
    expect(amount.answered).toBe(true);
    expect(amount.answer).toContain('80.000 Euro');
  });

  it('declines a cost question when the amount in the passage belongs to another sentence’s subject', async () => {
    const engine = await engineOver(MATERIAL);
    expect(engine.ask('Was hat die Kletterwand im Stadtpark gekostet?').answered).toBe(false);
    expect(engine.ask('Wie viel Geld hat der Vereinsfonds?').answer).toContain('80.000 Euro');
  });
});

describe('coverage of general verbs', () => {
  it('does not hold a general verb the answering passage lacks against it ("dürfen", "pro")', async () => {
    const engine = await engineOver({
      'info.md': [
        '# Werkstatt',
        '## Plätze',
        'Höchstens 2 Personen pro Verein können mitmachen.',
        '## Regeln',
        'Fotos dürfen nur mit Zustimmung gemacht werden. Inhalte dürfen geteilt werden.',
        '## Kosten',
        'Die Teilnahme ist für jeden Verein kostenlos.',
        '## Bestätigung',
        'Teilnehmende erhalten eine Bestätigung für ihren Verein.',
        '## Ort',
        'Teilnehmende aus jedem Verein treffen sich in der Turnhalle Süd.',
      ].join('\n\n'),
    });
    const a = engine.ask('Wie viele Leute pro Verein dürfen mitmachen?');
    expect(a.answered).toBe(true);
    expect(a.answer).toContain('2 Personen');
  });
});

describe('material tables and abbreviations', () => {
  it('reads each Markdown table row as its own statement, key before value', async () => {
    const { splitIntoPassages } = await import('./knowledge-base.js');
    const passages = splitIntoPassages('## Auf einen Blick\n\n| | |\n|---|---|\n| Gebühr | 40 Euro pro Person bzw. 30 Euro ermäßigt |\n| Plätze | 20 |\n', 'a.md');
    expect(passages.map((p) => p.text)).toEqual(['Gebühr: 40 Euro pro Person bzw. 30 Euro ermäßigt', 'Plätze: 20']);
  });

  it('does not end a sentence after an abbreviation when a long paragraph is cut into passages', async () => {
    const { splitIntoPassages } = await import('./knowledge-base.js');
    const long = `${'Dies ist ein Satz mit einigen Wörtern darin. '.repeat(10)}Die Gebühr beträgt 40 Euro bzw. 30 Euro ermäßigt für Studierende.`;
    const passages = splitIntoPassages(long, 'b.md');
    expect(passages.some((p) => p.text.includes('40 Euro bzw. 30 Euro'))).toBe(true);
  });
});

describe('schedule detection leaves these to the material', () => {
  const PROGRAM_YAML = `program:
  id: t
  title: Testreihe
  timezone: Europe/Berlin
  format: virtual
  contacts: []
sessions:
  - { id: a, title: Haushalte im Vergleich, date: "2026-03-04", start: "16:00", end: "17:30" }
  - { id: b, title: Wirkung und Dauer, date: "2026-04-01", start: "16:00", end: "17:30" }
`;
  async function engine() {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'faq-frames-'));
    dirs.push(dir);
    await fs.mkdir(path.join(dir, 'material'));
    await fs.writeFile(path.join(dir, 'program.yaml'), PROGRAM_YAML);
    await fs.writeFile(
      path.join(dir, 'material', 'info.md'),
      '# Info\n\n## Geschichte\n\nDie ersten Bürgerhaushalte entstanden 1989.\n\n## Ablauf\n\nJeder Termin dauert 90 Minuten.\n\n## Zeiten\n\nZeitzone: Alle Zeiten sind in Wiener Zeit angegeben.\n',
    );
    return createFaqEngine({ contentDir: dir, clock: new ManualClock('2026-01-10T08:00:00Z') });
  }

  it('"Seit wann" asks for history, not for a session', async () => {
    const a = (await engine()).ask('Seit wann gibt es Haushalte?');
    expect(a.via).not.toBe('schedule');
  });

  it('a word the material knows is no typo of an ordinal ("Zeiten" is not "zweiten")', async () => {
    const a = (await engine()).ask('In welcher Zeitzone sind die Zeiten angegeben?');
    expect(a.answer).not.toContain('Wirkung und Dauer');
  });

  it('"wie lange" names no session', async () => {
    const a = (await engine()).ask('Wie lange dauert eine Sitzung?');
    expect(a.answer).toContain('90 Minuten');
  });
});

describe('changes, shares and bilingual material', () => {
  it('reads a question after a change or a share as answered by a percentage or a figure before and after', () => {
    expect(questionTypes('Um wie viel ist die Bearbeitung schneller geworden?', GENERAL_LEXICON).has('change')).toBe(true);
    expect(questionTypes('Um wieviel Prozent sind die Kosten gesunken?', GENERAL_LEXICON).has('change')).toBe(true);
    expect(GENERAL_LEXICON.lookup('zurückgegangen')).toBe(GENERAL_LEXICON.lookup('fell'));
    expect(GENERAL_LEXICON.lookup('verhindert')).toBe(GENERAL_LEXICON.lookup('cannot attend'));
    expect(termsOfWord('geworden', undefined, GENERAL_LEXICON)).toEqual([]);
  });

  it('answers a change question from the sentence with the figures', async () => {
    const engine = await engineOver({
      'bericht.md': '# Bericht\n\n## Bauanträge\n\nDie Stadt prüft Bauanträge digital. Die Bearbeitungszeit ist von 40 auf 25 Tage gesunken.\n\n## Team\n\nDas Bauamt hat zwölf Stellen.\n',
    });
    const a = engine.ask('Um wie viel ist die Bearbeitung der Bauanträge schneller geworden?');
    expect(a.answered).toBe(true);
    expect(a.answer).toContain('von 40 auf 25 Tage');
  });

  it('of two passages saying the same in two languages, quotes the one in the question’s language', async () => {
    const engine = await engineOver({
      'a-call.md': '# Call\n\n## Certificate\n\nParticipants who attend at least 5 of the 6 workshops receive a certificate, sent by e-mail.\n',
      'b-info.md': '# Practical information\n\n## Certificate\n\nA certificate is issued to everyone who attends at least 5 of the 6 workshops.\n',
      'c-hinweise.md': '# Hinweise\n\n## Bescheinigung\n\nDie Teilnahmebescheinigung wird auf Englisch ausgestellt (bei Teilnahme an mindestens 5 von 6 Workshops).\n',
    });
    expect(engine.ask('Wie viele Workshops muss ich für die Bescheinigung besuchen?').answer).toContain('5 von 6');
    expect(engine.ask('How many workshops do I need to attend for the certificate?', { locale: 'en' }).answer).toContain('5 of the 6');
  });
});

describe('language preference', () => {
  const hit = (id: string, text: string, score: number): RetrievalHit => ({ doc: { id, kind: 'passage', title: id, text, source: `${id}.md` }, score, coverage: 1, matchedWords: [] });
  const en = hit('en', 'Participants who attend at least 5 of the 6 workshops receive a certificate.', 10);
  const de = hit('de', 'Das Zertifikat erhält, wer an mindestens 5 von 6 Workshops teilnimmt.', 9);
  const far = hit('far', 'Das Zertifikat wird nach dem letzten Workshop per E-Mail verschickt.', 5);

  it('puts a near-equal passage in the question’s language first', () => {
    expect(preferLanguage([en, de], 'de')[0]).toBe(de);
    expect(preferLanguage([en, de], 'en')[0]).toBe(en);
  });

  it('keeps the order when the passage in the question’s language scores far lower', () => {
    expect(preferLanguage([en, far], 'de')[0]).toBe(en);
  });
});

describe('answers in the asker\'s language where the material says it twice', () => {
  const BILINGUAL = {
    'handbook.md': [
      '# Certificate',
      'Participants who attend at least 3 of the 4 sessions and hand in a one-page action plan by 30 June 2027 receive a certificate of participation signed by both networks. The certificate is sent as a PDF.',
      '# Case: Kornstadt library',
      'Session 3 on 13 April 2027 presents the Kornstadt library, with Dr. Ana Wirth as speaker.',
    ].join('\n\n'),
    'kurzfassung.md': [
      '# Das Wichtigste auf Deutsch',
      '- Zertifikat: bei Teilnahme an 3 der 4 Termine und einem einseitigen Aktionsplan bis 30.06.2027.',
      '- Im dritten Termin stellt die Bibliothek Kornstadt ihr Konzept vor.',
    ].join('\n'),
  };

  it('takes the passage in the question\'s language that answers as well, though it ranks lower', async () => {
    const e = await engineOver(BILINGUAL);
    const de = e.ask('Was brauche ich für das Zertifikat?');
    expect(de.answered).toBe(true);
    expect(de.answer).toContain('3 der 4');
    expect(e.ask('What do I need for the certificate?', { locale: 'en' }).answer).toContain('3 of the 4');
  });

  it('keeps the best passage where the one in the asker\'s language lacks its figures', async () => {
    const e = await engineOver({
      'handbook.md': ['# Certificate', 'Participants who attend at least 3 of the 4 sessions by 30 June 2027 receive a certificate of participation signed by both networks.'].join('\n\n'),
      'kurzfassung.md': ['# Das Wichtigste', '- Zertifikat: Das Zertifikat kommt als PDF im Herbst 2027, gedruckt gegen 4 Euro.'].join('\n'),
    });
    expect(e.ask('Was brauche ich für das Zertifikat?').answer).toMatch(/^Participants who attend at least 3 of the 4/);
  });

  it('keeps the other language\'s passage where only it holds the kind of fact asked for', async () => {
    const e = await engineOver(BILINGUAL);
    expect(e.ask('Wer spricht über die Bibliothek Kornstadt?').answer).toContain('Ana Wirth');
  });
});

describe('questions where something is', () => {
  it('prefer a passage with a street address to one that only says what is online', async () => {
    const e = await engineOver({
      'faq.md': [
        '# Aufzeichnung',
        'Die Vorträge der Online-Termine werden aufgezeichnet und 6 Wochen bereitgestellt. Die Diskussionen und der Werkstatttag werden nicht aufgezeichnet, auch nicht online.',
        '# Anmeldung',
        'Zum Werkstatttag melden Sie sich bitte gesondert an; die Online-Termine brauchen keine eigene Anmeldung.',
      ].join('\n\n'),
      'ablauf.md': [
        '# Ablauf',
        'Der Werkstatttag beginnt um 9 Uhr im Sitzungssaal des Gemeindeamts Steinreith, Marktplatz 1, mit einem Rundgang durch die Registratur und endet gegen 15 Uhr nach einer gemeinsamen Auswertung der Übungen in kleinen Gruppen.',
      ].join('\n\n'),
    });
    expect(e.ask('wo ist der werkstatttag').answer).toContain('Marktplatz 1');
  });

  it('take no year or figure after a word ending like a street for a street address', async () => {
    const e = await engineOver({
      'venue.md': ['# Venue', 'The workshops are held online in Microsoft Teams. The dial-in link comes with the invitation.'].join('\n\n'),
      'background.md': ['# Background', 'During 2026 the city ran a pilot of the workshops with planners from Hamburg; the planners met in the harbour office for Monitoring 2 and Spring 2027.'].join('\n\n'),
    });
    expect(e.ask('Where are the workshops held?', { locale: 'en' }).answer).toMatch(/^The workshops are held online/);
    for (const address of ['Gemeindeamt Steinreith, Marktplatz 1, Sitzungssaal', 'Am Weiherdamm 4 in Kemnathbach', 'Hauptstraße 12a, 83512 Steinreith', 'Treffpunkt: Am Ring 7']) {
      expect(holdsStreetAddress(address), address).toBe(true);
    }
    for (const other of ['belegte Kassel Platz 3 von 40 Städten', 'Parkplatz 20 ist reserviert', 'Weg 2: online teilnehmen', 'Ufer 3 km entfernt', 'Marktplatz 1.000 Besucher', 'Im Binnenmarkt 27 Staaten']) {
      expect(holdsStreetAddress(other), other).toBe(false);
    }
  });
});

describe('verbs of beginning and ending', () => {
  it('say nothing beyond a clock time asked for, and are the point of other questions', async () => {
    const e = await engineOver({
      'info.md': ['# Werkstatttag', 'Die Mittagspause am Werkstatttag ist von 12:30 bis 13:15 Uhr; Kaffee gibt es ab 8:30 Uhr.', '# Förderung', 'Die Förderung beträgt 50.000 Euro.'].join('\n\n'),
    });
    const lunch = e.ask('Um wie viel Uhr beginnt die Mittagspause am Werkstatttag?');
    expect(lunch.answered).toBe(true);
    expect(lunch.answer).toContain('12:30');
    expect(e.ask('Um wie viel Uhr endet die Mittagspause am Werkstatttag?').answer).toContain('13:15');
    // The material never says when the funding ends.
    expect(e.ask('Wann endet die Förderung?').answered).toBe(false);
  });

  it('so do "früh" and "early", and "since" is a function word', async () => {
    const e = await engineOver({
      'info.md': ['# Dolmetschen', 'Eine Verdolmetschung ins Französische bitte bis 10 Tage vor dem Termin beim Orga-Team anfragen.'].join('\n\n'),
    });
    const early = e.ask('Wie früh muss ich eine Verdolmetschung anfragen?');
    expect(early.answered).toBe(true);
    expect(early.answer).toContain('10 Tage');
  });
});

describe('who is in charge', () => {
  it('asks for the lead, not for a charge to pay', async () => {
    const e = await engineOver({
      'info.md': [
        '# Teilnahme',
        'Die Teilnahme am Programm ist für Kommunen kostenfrei; Büros zahlen 90 Euro.',
        '# Kontakt',
        'Dr. Ana Wirth, Programmleitung, Netzwerk Sportstätten, a.wirth@example.org.',
      ].join('\n\n'),
    });
    expect(e.ask('Who is in charge of the programme?', { locale: 'en' }).answer).toContain('Ana Wirth');
    expect(e.ask('Is there a charge for the programme?', { locale: 'en' }).answer).toContain('kostenfrei');
  });
});

describe('out-of-scope near misses', () => {
  const NEAR = {
    'info.md': [
      '# Verein',
      '## Nachnutzung',
      'Es geht darum, wie Vereine Vorlagen übernehmen und welche Verträge und Kosten dabei anfallen.',
      '## Beiträge',
      'Für Mitglieder kostenlos. Gäste: 20 Euro pro Abend, Rechnungsstellung nach dem Abend.',
      '## Glossar',
      'Sprunghöhe: Höhe der Latte über dem Boden. Je höher die Sprunghöhe, desto eher lohnt sich ein Anlauf.',
      '## Ort',
      'Die Stadt Hainbach ist Gastgeberin. Mitmachen dürfen alle Einwohnerinnen und Einwohner ab 16 Jahren.',
    ].join('\n\n'),
  };

  it('reads price, threshold and deadline questions', () => {
    const t = (q: string) => questionTypes(q, GENERAL_LEXICON);
    expect(t('Wie viel kostet die Nachnutzung?').has('price')).toBe(true);
    expect(t('Wie viel Prozent der Kosten trägt das Land?').has('price')).toBe(false);
    expect(t('Ab welcher Sprunghöhe lohnt sich ein Anlauf?').has('amount')).toBe(true);
  });

  it('declines a price asked where the material only says that costs arise', async () => {
    const engine = await engineOver(NEAR);
    expect(engine.ask('Wie viel kostet die Nachnutzung einer Vorlage genau?').answered).toBe(false);
    expect(engine.ask('Was kostet ein Abend für Gäste?').answer).toContain('20 Euro');
  });

  it('declines a threshold asked where the material gives no figure', async () => {
    const engine = await engineOver(NEAR);
    expect(engine.ask('Ab welcher Sprunghöhe lohnt sich ein Anlauf genau?').answered).toBe(false);
  });

  it('declines a deadline asked where the material names no date', async () => {
    const engine = await engineOver(NEAR);
    expect(engine.ask('Bis wann muss die Rechnung für Gäste bezahlt sein?').answered).toBe(false);
  });

  it('does not count residents by the number of years after it', async () => {
    const engine = await engineOver(NEAR);
    expect(engine.ask('Wie viele Einwohner hat Hainbach?').answered).toBe(false);
  });
});

describe('words of two groups, general verbs in schedule questions, compounds in parts', () => {
  it('reads a word of two concept groups as both ("Anmeldeschluss" asks for a date)', () => {
    expect(questionTypes('Anmeldeschluss?', GENERAL_LEXICON).has('date')).toBe(true);
  });

  it('answers a compound the material has only in parts when the best passage has all of them', async () => {
    const engine = await engineOver({
      'info.md': '# Info\n\n## Ausflug\n\nFür den Ausflug erheben wir eine Verpflegungspauschale von 12 Euro für Mittagessen.\n\n## Ort\n\nWir treffen uns am Bahnhof.\n\n## Anreise\n\nDie Anreise ist selbst zu organisieren.\n',
    });
    const a = engine.ask('verpflegungskosten?');
    expect(a.answered).toBe(true);
    expect(a.answer).toContain('12 Euro');
  });

  it('a general verb beside the cues keeps a schedule question a schedule question', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'faq-frames-'));
    dirs.push(dir);
    await fs.mkdir(path.join(dir, 'material'));
    await fs.writeFile(
      path.join(dir, 'program.yaml'),
      'program:\n  id: t\n  title: Testreihe\n  timezone: Europe/Berlin\n  format: virtual\n  contacts: []\nsessions:\n  - { id: a, title: Auftakt, date: "2026-03-04", start: "16:00", end: "17:30" }\n  - { id: b, title: Abschluss, date: "2026-04-01", start: "16:00", end: "17:30" }\n',
    );
    await fs.writeFile(path.join(dir, 'material', 'info.md'), '# Info\n\n## Fragen\n\nWer kommt, meldet sich bitte an.\n');
    const engine = await createFaqEngine({ contentDir: dir, clock: new ManualClock('2026-03-10T08:00:00Z') });
    const a = engine.ask('Welcher Termin kommt als nächstes?');
    expect(a.via).toBe('schedule');
    expect(a.answer).toContain('01.04.2026');
  });
});

describe('sections in paragraphs', () => {
  it('counts the subject a section names in one paragraph for its figures in the next', async () => {
    const engine = await engineOver({
      'fall.md': [
        '# Fallbeispiel',
        '## Hochwasser in Auendorf',
        'Auendorf liegt an einem Fluss, der im Frühjahr oft über die Ufer tritt. Seit 2024 verschickt die Stadt Warnungen per Kurznachricht an alle, die sich eingetragen haben.',
        'Der Leiter des Ordnungsamts erklärt, wie die Stadt den Dienst mit dem Landkreis aufgebaut hat und was er kostet: rund 9.000 Euro pro Jahr für den Versand.',
        '## Beteiligung',
        'Die Stadt hat im Jahr 2025 mit 300 Haushalten über den Dienst gesprochen und die Rückmeldungen ausgewertet, bevor die Karte erweitert wurde.',
      ].join('\n\n'),
    });
    expect(termsOfWord('besagt', undefined, GENERAL_LEXICON)).toEqual([]);
    // Round 15's threshold (0.7025) declines "Was kosten Auendorf die Kurznachrichten pro Jahr?" (confidence
    // 0.66): the figures' paragraph lacks "Kurznachrichten", which only the paragraph above it names.
    const a = engine.ask('Was kostet Auendorf der Versand pro Jahr?');
    expect(a.answered).toBe(true);
    expect(a.answer).toContain('9.000 Euro');
  });
});

describe('small general rules of round 4', () => {
  it('does not count francs as a number of things, and reads "zahlen" as paying', () => {
    expect(sentenceAnswers('count', 'Nichtmitglieder: CHF 350 pro Person für die ganze Reihe.', GENERAL_LEXICON)).toBe(false);
    expect(sentenceAnswers('count', '21 Teilnehmende aus 14 Gemeinden.', GENERAL_LEXICON)).toBe(true);
    expect(questionTypes('Was zahlen Teilnehmende aus Polen?', GENERAL_LEXICON).has('cost')).toBe(true);
    expect(questionTypes('Was zahlen Teilnehmende aus Polen?', GENERAL_LEXICON).has('count')).toBe(false);
  });

  it('treats "normal", "üblich", "typical" as no topic, and "trained" as "geschult"', () => {
    expect(termsOfWord('normaler', undefined, GENERAL_LEXICON)).toEqual([]);
    expect(termsOfWord('typical', undefined, GENERAL_LEXICON)).toEqual([]);
    expect(GENERAL_LEXICON.lookup('trained')).toBe(GENERAL_LEXICON.lookup('geschult'));
    expect(GENERAL_LEXICON.lookup('welcomes')).toBe(GENERAL_LEXICON.lookup('Begrüßung'));
    expect(GENERAL_LEXICON.lookup('connecting')).toBe(GENERAL_LEXICON.lookup('Anbindung'));
  });

  it('takes the subject of a passage from its file name too', async () => {
    const engine = await engineOver({
      '06-protokoll-sommerfest.md': '# Ergebnisprotokoll\n\n## Stände\n\nEs gab 12 Stände und eine Bühne.\n\n## Nächste Schritte\n\nDie Auswertung folgt im Herbst.\n',
      '01-einladung.md': '# Einladung\n\n## Sommerfest\n\nDas Sommerfest findet im Juli statt. Zum Sommerfest laden wir alle Vereine ein.\n',
    });
    const a = engine.ask('Wie viele Stände gab es beim Sommerfest?');
    expect(a.answered).toBe(true);
    expect(a.answer).toContain('12 Stände');
  });
});

describe('count questions', () => {
  it('reads "wie vielen" (dative) as a count', () => {
    expect(questionTypes('Mit wie vielen Vereinen wurde geplant?', GENERAL_LEXICON).has('count')).toBe(true);
  });

  it('lets a final participle the material never uses not hold a count question out of scope', async () => {
    const engine = await engineOver({
      'plan.md': '# Plan\n\n## Ergebnis\n\nDer Plan nennt 5 Spielflächen im Ortskern und 2 im Gewerbegebiet.\n\n## Beteiligung\n\nDie Stadt hat mit drei Nachbargemeinden zusammen geplant.\n\n## Ort\n\nDie Stadt Weiler liegt am Fluss.\n',
    });
    const a = engine.ask('Wie viele Spielflächen hat Weiler ausgewiesen?');
    expect(a.answered).toBe(true);
    expect(a.answer).toContain('5 Spielflächen');
  });
});

describe('nouns of action', () => {
  it('meets a noun in -ung the material has only as its verb, also as a compound part', async () => {
    const { Vocabulary } = await import('./german.js');
    const vocabulary = new Vocabulary(GENERAL_LEXICON);
    vocabulary.addText('Wirkung messen und verstetigen');
    expect(termsOfWord('Messung', vocabulary, GENERAL_LEXICON)).toContain('mess');
    expect(termsOfWord('Wirkungsmessung', vocabulary, GENERAL_LEXICON)).toContain('mess');
  });
});

describe('separable participles', () => {
  it('a participle stands for its infinitive too when the material has both', async () => {
    const { Vocabulary } = await import('./german.js');
    const vocabulary = new Vocabulary(GENERAL_LEXICON);
    vocabulary.addText('Abstimmen dürfen alle. Im Nachbarort wurde 2024 abgestimmt.');
    const terms = termsOfWord('abgestimmt', vocabulary, GENERAL_LEXICON);
    expect(terms).toContain(termsOfWord('abstimmen', vocabulary, GENERAL_LEXICON)[0]);
    expect(terms.length).toBeGreaterThan(1);
  });
});
