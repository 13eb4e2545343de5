import { describe, expect, it } from 'vitest';
import { canonicalStem, cognateKey, editDistance, foldUmlauts, monthNumber, monthsOfDates, participleForms, separableInfinitive, splitCompound, splitHead, termsOfWord, Vocabulary, words } from './german.js';
import { GENERAL_LEXICON, Lexicon } from './lexicon.js';

describe('German text processing', () => {
  it('meets compounds that share a part with a corpus word ("Fördergeld" ~ "Förderprogramm")', () => {
    const vocabulary = new Vocabulary();
    vocabulary.addText('Die Förderung läuft über das Förderprogramm. Gegen Hitze hilft der Hitzeaktionsplan und mehr Geld und Schutz.');
    // b is a word of the material (indexed), a a word of the question.
    const shared = (a: string, b: string) => termsOfWord(a, vocabulary).filter((t) => termsOfWord(b, vocabulary, undefined, { indexing: true }).includes(t));
    expect(shared('Fördergeld', 'Förderprogramm')).not.toEqual([]);
    expect(shared('Hitzeschutz', 'Hitzeaktionsplan')).not.toEqual([]);
  });

  it('folds umlauts, their two-letter spellings and ß', () => {
    expect(canonicalStem('Mönchengladbach')).toBe(canonicalStem('Moenchengladbach'));
    expect(canonicalStem('Straße')).toBe(canonicalStem('Strasse'));
    expect(foldUmlauts('über')).toBe('uber');
  });

  it('stems inflected forms to one term', () => {
    expect(canonicalStem('Termine')).toBe(canonicalStem('Termin'));
    expect(canonicalStem('virtuellen')).toBe(canonicalStem('virtuell'));
  });

  it('maps general concepts of both languages to one term', () => {
    const l = GENERAL_LEXICON;
    expect(canonicalStem('online', l)).toBe(canonicalStem('virtuell', l));
    expect(canonicalStem('Ansprechpartnerin', l)).toBe(canonicalStem('contact', l));
    expect(canonicalStem('kostet', l)).toBe(canonicalStem('kostenlos', l));
    expect(canonicalStem('Gebühren', l)).toBe(canonicalStem('fee', l));
    expect(canonicalStem('recorded', l)).toBe(canonicalStem('aufgezeichnet', l));
    expect(canonicalStem('Kickoff', l)).toBe(canonicalStem('Auftakt', l));
  });

  it("takes a program's synonyms from its faq.yaml groups, phrases and inflected forms included", () => {
    const l = new Lexicon([['Schwammstadt', 'sponge city'], ['Wärmenetz', 'heat network']]);
    expect(l.tokens('What is a sponge city?')).toEqual(['what', 'is', 'a', 'sponge city']);
    expect(termsOfWord('sponge city', undefined, l)).toEqual(termsOfWord('Schwammstadt', undefined, l));
    expect(termsOfWord('Schwammstädte', undefined, l)).toEqual(termsOfWord('Schwammstadt', undefined, l));
    expect(canonicalStem('heat network', l)).toBe(canonicalStem('Wärmenetze', l));
  });

  it('splits compounds against the vocabulary, with linking elements', () => {
    const vocabulary = new Vocabulary();
    vocabulary.addText('Daten Governance und Strategie für das Treffen zum Abschluss');
    expect(splitCompound('datengovernance', (w) => vocabulary.knows(w))).toEqual(['daten', 'governance']);
    expect(splitCompound('abschlusstreffen', (w) => vocabulary.knows(w))).toEqual(['abschluss', 'treffen']);
    expect(splitCompound('wasserkraftwerk', (w) => vocabulary.knows(w))).toBeUndefined();
    expect(termsOfWord('Datengovernance', vocabulary)).toEqual(expect.arrayContaining([canonicalStem('Daten'), canonicalStem('Governance')]));
  });

  it('takes no part that is known only as the stem of the word itself', () => {
    // The stemmer cuts "Mobilitätswende" to "mobilitatsw"; with "Ende" in the material, that made it a compound
    // of "Mobilitätsw" and "Ende" (an end cue).
    const vocabulary = new Vocabulary();
    vocabulary.addText('Die Mobilitätswende in der Kleinstadt. Am Ende gibt es einen Abschluss.');
    expect(termsOfWord('Mobilitätswende', vocabulary)).toEqual([canonicalStem('Mobilitätswende')]);
    expect(termsOfWord('Mobilitätswende', vocabulary, undefined, { indexing: true })).not.toContain(canonicalStem('Ende'));
  });

  it('meets an infinitive with the past participle the material has, and a participle with its infinitive', () => {
    expect(participleForms('arbeiten')).toEqual(['gearbeitt', 'gearbeitet']);
    expect(participleForms('anmelden')).toEqual(expect.arrayContaining(['angemeldet']));
    expect(participleForms('Baustelle')).toEqual([]);
    const vocabulary = new Vocabulary();
    vocabulary.addText('Sonntags wird nicht gearbeitet. Die Teilnehmenden sind angemeldet. Wir zählen die Stimmen.');
    expect(termsOfWord('arbeiten', vocabulary)).toContain(termsOfWord('gearbeitet', vocabulary)[0]);
    expect(termsOfWord('anmelden', vocabulary)).toContain(termsOfWord('angemeldet', vocabulary)[0]);
    expect(termsOfWord('gezählt', vocabulary)).toContain(termsOfWord('zählen', vocabulary)[0]);
    // Not a word the material lacks in either form, and not a noun that merely starts with "ge".
    expect(termsOfWord('bauen', vocabulary)).not.toContain(termsOfWord('gearbeitet', vocabulary)[0]);
    expect(termsOfWord('Gebiet', vocabulary)).toEqual([canonicalStem('Gebiet')]);
  });

  it('drops stop words and splits on punctuation', () => {
    expect(words('Change-Management: wie geht das?')).toEqual(['change', 'management', 'wie', 'geht', 'das']);
    expect(termsOfWord('der', undefined)).toEqual([]);
    expect(termsOfWord('the', undefined)).toEqual([]);
  });

  it('counts an adjacent transposition as one edit and stops early past the bound', () => {
    expect(editDistance('zertifkat', 'zertifikat')).toBe(1);
    expect(editDistance('anmeldung', 'anmledung')).toBe(1);
    expect(editDistance('kosten', 'kosten')).toBe(0);
    expect(editDistance('aufzeichnung', 'teilnahme', 1)).toBe(2);
  });

  it('reads a long word unknown to material and lexicon as a typo of a concept word, never a short or known one', () => {
    const vocabulary = new Vocabulary(GENERAL_LEXICON);
    vocabulary.addText('Der Anmeldeschluss ist am Freitag.');
    expect(termsOfWord('anmeldeschlus', vocabulary, GENERAL_LEXICON)).toEqual(termsOfWord('Anmeldeschluss', vocabulary, GENERAL_LEXICON));
    expect(termsOfWord('zertifkat', vocabulary, GENERAL_LEXICON)).toEqual(termsOfWord('Teilnahmebescheinigung', vocabulary, GENERAL_LEXICON));
    // Short words are too often other real words.
    expect(termsOfWord('kosen', vocabulary, GENERAL_LEXICON)).not.toEqual(termsOfWord('kosten', vocabulary, GENERAL_LEXICON));
  });

  it('maps everyday words across German and English (questions in the other language than the material)', () => {
    const l = GENERAL_LEXICON;
    expect(canonicalStem('Dolmetscher', l)).toBe(canonicalStem('interpreter', l));
    expect(canonicalStem('Zusammenfassung', l)).toBe(canonicalStem('summary', l));
    expect(canonicalStem('Mitglieder', l)).toBe(canonicalStem('members', l));
    expect(canonicalStem('reimbursed', l)).toBe(canonicalStem('Kosten', l));
    expect(canonicalStem('Fahrtkosten', l)).toBe(canonicalStem('travel', l));
  });

  it('keeps general question verbs only when the material uses them', () => {
    const without = new Vocabulary();
    without.addText('Die Termine finden online statt.');
    expect(termsOfWord('läuft', without)).toEqual([]);
    const withVerb = new Vocabulary();
    withVerb.addText('Wie läuft ein Termin?');
    expect(termsOfWord('läuft', withVerb)).not.toEqual([]);
  });

  it('meets German and English cognates by their regular spelling differences, not unrelated words', () => {
    for (const [de, en] of [['Indikatoren', 'indicators'], ['Kategorien', 'categories'], ['Strategie', 'strategy'], ['Qualität', 'quality'], ['Resilienz', 'resilience'], ['Digitalisierung', 'digitalization'], ['Kommunikation', 'communication']]) {
      expect(cognateKey(de!), `${de} / ${en}`).toBe(cognateKey(en!));
    }
    expect(cognateKey('Kosten')).not.toBe(cognateKey('Konten'));
    const vocabulary = new Vocabulary();
    vocabulary.addText('The questionnaire has 24 indicators in six categories.');
    expect(vocabulary.cognateOf('Indikatoren')).toBe('indicators');
    expect(vocabulary.cognateOf('Kandidaten')).toBeUndefined();
    // A compound's part may be the cognate: "Hochwasser|warnungen" beside "flood warnings" (and "Hochwasser" known).
    vocabulary.addText('Residents get flood warnings by text message. Hochwasser');
    expect(termsOfWord('Hochwasserwarnungen', vocabulary)).toContain(termsOfWord('warnings', vocabulary, undefined, { indexing: true })[0]);
    // The question's word stands for the material's: its terms lead with the material word's stem.
    expect(termsOfWord('Indikatoren', vocabulary)[0]).toBe(termsOfWord('indicators', vocabulary, undefined, { indexing: true })[0]);
  });

  it("half-knows a question's compound by its head, the last part it shares with a corpus word", () => {
    const vocabulary = new Vocabulary();
    vocabulary.addText('Die Versorgung soll bis 2045 treibhausgasneutral werden. Füllen Sie den Check aus.');
    expect(vocabulary.headOf('klimaneutral')).toBe('treibhausgasneutral');
    // A short head is too common to vouch for the compound ("Schwamm|stadt" is no kind of "Stadt" the material means).
    expect(vocabulary.headOf('Selbstcheck')).toBeUndefined();
    // The word's own stem stays first (the whole word is not known), the head's joins.
    const terms = termsOfWord('klimaneutral', vocabulary);
    expect(terms[0]).toBe(canonicalStem('klimaneutral'));
    expect(terms).toContain(canonicalStem('treibhausgasneutral'));
    // A short shared ending is no head.
    expect(vocabulary.headOf('Ausweisung')).toBeUndefined();
  });

  it('reads the participle of a separable verb as its infinitive when the material has that', () => {
    expect(separableInfinitive('eingereicht')).toBe('einreichen');
    expect(separableInfinitive('abgesagt')).toBe('absagen');
    expect(separableInfinitive('Gemeinde')).toBeUndefined();
    const vocabulary = new Vocabulary();
    vocabulary.addText('Einreichen bis 13.04. an die Geschäftsstelle.');
    expect(termsOfWord('eingereicht', vocabulary)).toEqual(termsOfWord('einreichen', vocabulary));
  });

  it('joins inflected forms to a group by stem only when the stem has four letters or more', () => {
    // "notes" (minutes) is in a group; the German "Note" (a grade) shares only the three-letter stem "not".
    expect(GENERAL_LEXICON.lookup('notes')).toBeDefined();
    expect(GENERAL_LEXICON.lookup('Note')).toBeUndefined();
    expect(GENERAL_LEXICON.lookup('Anmeldungen')).toBe(GENERAL_LEXICON.lookup('Anmeldung'));
  });
});

describe('months of numeric dates', () => {
  it('names the month of German and ISO dates in both languages, not of paragraph numbers, versions or times', () => {
    expect(monthsOfDates('Schreibwerkstatt am Donnerstag, 25.02.2027, von 09:00 bis 12:00 Uhr')).toEqual(['februar', 'feber', 'february']);
    expect(monthsOfDates('Anmeldung bis 3.5. und am 2027-10-06')).toEqual(['mai', 'oktober', 'october']);
    expect(monthsOfDates('Auftakt am 12.01.27')).toEqual(['januar', 'jänner', 'january']);
    for (const text of ['3.1 Di Auftakt', '1.2. Zielgruppe', '§ 3.1. Teilnahme', 'Siehe Ziffer 4.2.', 'Version 1.2.', 'Der Wert stieg um 2.5.', 'Rating 4.8.', 'Beginn um 9.10.', 'am 1. 2. und 3. Tag', '10.30 Uhr', '45.13.2027']) {
      expect(monthsOfDates(text), text).toEqual([]);
    }
  });

  it('reads month names in German, Austrian and English', () => {
    expect([monthNumber('Jänner'), monthNumber('März'), monthNumber('maerz'), monthNumber('October'), monthNumber('Montag')]).toEqual([1, 3, 3, 10, undefined]);
  });
});

describe('stop words and the lexicon', () => {
  it('never join a concept group by their stem ("sich" is no "Sicherheit")', () => {
    expect(GENERAL_LEXICON.lookupAll('sich')).toBeUndefined();
    expect(GENERAL_LEXICON.lookup('Sicherheit')).toBeDefined();
  });
});

describe('the head of a compound', () => {
  it('reads a question\'s compound with a session word as its head as a session, not as a corpus word ending alike', () => {
    const vocabulary = new Vocabulary(GENERAL_LEXICON);
    vocabulary.addText('Beim Abschlusstreffen zieht jede Einrichtung Bilanz.');
    const terms = termsOfWord('museumstreffen', vocabulary, GENERAL_LEXICON);
    expect(terms).toContain(GENERAL_LEXICON.lookup('termin'));
    expect(terms).not.toContain(GENERAL_LEXICON.lookup('abschluss'));
    // Only a session word: "Sprech|stunde" is no duration.
    vocabulary.addText('Die Fördersprechstunde fällt aus.');
    expect(termsOfWord('sprechstunde', vocabulary, GENERAL_LEXICON)).not.toContain(GENERAL_LEXICON.lookup('dauer'));
  });
});

describe('splitting off a known first part', () => {
  it('never doubles a linking "s": "Sicherheits|schuhe", so "Schuhe" is found in it', () => {
    const known = (w: string) => ['sicherheit', 'sicherheits'].includes(w);
    expect(splitHead('sicherheitsschuhe', known)?.[1]).toBe('schuhe');
    expect(splitHead('verkehrsplanung', (w) => w === 'verkehr')).toEqual(['verkehr', 'planung']);
  });
});

describe('a run of letters longer than any word', () => {
  it('is no content word, and a long real compound still is', () => {
    const v = new Vocabulary(GENERAL_LEXICON);
    v.addText('Die Grabstellen und die Friedhofsverwaltung.');
    expect(termsOfWord('Grabstellen'.repeat(450), v, GENERAL_LEXICON)).toEqual([]);
    expect(termsOfWord('a'.repeat(5000), v, GENERAL_LEXICON)).toEqual([]);
    expect(termsOfWord('Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz', v, GENERAL_LEXICON).length).toBeGreaterThan(0);
  });
});
