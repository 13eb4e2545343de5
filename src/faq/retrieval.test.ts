import { describe, expect, it } from 'vitest';
import { fileWords, hyphenated, PassageIndex, type RetrievalDoc } from './retrieval.js';

const doc = (id: string, title: string, text: string, source: string): RetrievalDoc => ({ id, kind: 'passage', title, text, source });

describe('material file names as a search field', () => {
  it('reads a file name as its words, without numbering, extension or configuration files', () => {
    expect(fileWords('06-protokoll-auftakt.docx')).toBe('protokoll auftakt');
    expect(fileWords('call_for_participation.md')).toBe('call for participation');
    expect(fileWords('program.yaml')).toBe('');
    expect(fileWords('faq.yaml')).toBe('');
  });

  it('finds a passage that names its topic only in its file name', () => {
    const index = new PassageIndex([
      doc('a', 'Teilnahme', '21 Teilnehmende aus 14 Gemeinden.', '06-protokoll-auftakt.docx'),
      doc('b', 'Anmeldung', 'Anmeldung per E-Mail bis Ende Januar.', '01-ausschreibung.md'),
    ]);
    const { hits } = index.query('Wie viele Teilnehmende waren beim Auftakt?');
    expect(hits[0]?.doc.id).toBe('a');
    expect(hits[0]?.matchedWords).toContain('auftakt');
    expect(index.knows('Auftakt')).toBe(true);
  });

  it('lets the passage text outweigh a file name', () => {
    const index = new PassageIndex([
      doc('a', 'Ablauf', 'Wir beginnen mit einer Vorstellungsrunde.', 'anmeldung.md'),
      doc('b', 'Anmeldung', 'Die Anmeldung ist bis zum 10. März offen.', 'ablauf.md'),
    ]);
    expect(index.query('Bis wann ist die Anmeldung offen?').hits[0]?.doc.id).toBe('b');
  });

  it("searches a passage also under its file's top heading", () => {
    const index = new PassageIndex([
      { ...doc('h', 'Wärmenetz Nordviertel', 'Steckbrief des Projekts.', 'beispiele.md'), documentTitle: 'Wärmenetz Nordviertel' },
      { ...doc('a', 'Kosten', 'Die Investition beträgt 4 Millionen Euro.', 'beispiele.md'), documentTitle: 'Wärmenetz Nordviertel' },
      doc('b', 'Kosten', 'Die Teilnahme ist kostenlos.', 'orga.md'),
    ]);
    const { hits } = index.query('Was kostet das Wärmenetz?');
    const order = hits.map((h) => h.doc.id);
    expect(order).toContain('a');
    if (order.includes('b')) expect(order.indexOf('a')).toBeLessThan(order.indexOf('b'));
    expect(hits.find((h) => h.doc.id === 'a')?.matchedWords).toContain('wärmenetz');
  });
});

describe('the noun a "how many" question counts', () => {
  const index = new PassageIndex([doc('a', 'Werkstatt', 'In der Werkstatt arbeiten 12 Kommunen und zwei Verbände.', 'info.md')]);

  it('is the content word after "wie viele" or "how many", and a number counts it within three words', async () => {
    const { countedTerms, countsTerms } = await import('./engine.js');
    const terms = countedTerms('Wie viele Kommunen arbeiten mit?', index)!;
    expect(terms).toBeDefined();
    expect(countsTerms('In der Werkstatt arbeiten 12 Kommunen.', terms, index)).toBe(true);
    expect(countsTerms('Die Kommunen zahlen 50 Euro.', terms, index)).toBe(false);
    expect(countsTerms('Es kommen zwei Verbände.', countedTerms('how many Verbände?', index)!, index)).toBe(true);
    expect(countedTerms('Wann beginnt der Kurs?', index)).toBeUndefined();
  });

  it('counts a number after the word itself, and people whatever the material calls them', async () => {
    const { countedTerms, countsTerms } = await import('./engine.js');
    const places = new PassageIndex([doc('p', 'Plätze', 'Die Zahl der Plätze ist auf 30 begrenzt. Die Stadt Beispielhausen (68.000 Einwohner) lädt ein.', 'info.md')]);
    expect(countsTerms('Die Zahl der Plätze ist auf 30 begrenzt.', countedTerms('Wie viele Plätze gibt es?', places)!, places)).toBe(true);
    // Before the number only the word itself counts, not a compound's part ("Mitgliedsstädte" / "Stadt").
    expect(countsTerms('Die Stadt Beispielhausen (68.000 Einwohner) lädt ein.', countedTerms('Wie viele Mitgliedsstädte gibt es?', places)!, places)).toBe(false);
    const people = countedTerms('Wie viele Leute können mitmachen?', places)!;
    expect(countsTerms('Online sind bis zu 40 Teilnehmende dabei.', people, places)).toBe(true);
    expect(countsTerms('Die Teilnahme am 12.03. ist frei.', people, places)).toBe(false);
  });

  it('looks for no noun the material never uses: the scope judges that word', async () => {
    const { countedTerms } = await import('./engine.js');
    expect(countedTerms('Wie viele Laternen wurden umgerüstet?', index)).toBeUndefined();
  });

  it('marks general verbs and particles as soft, also a separable verb joined with its particle', () => {
    const index = new PassageIndex([doc('a', 'Ablauf', 'Der Ablauf: Inhalte dürfen verwendet werden, 2 Personen pro Kommune. Am Ende gibt es ein Zertifikat.', 'info.md')]);
    const soft = (q: string) => Object.fromEntries(index.analyse(q).units.map((u) => [u.word, !!u.soft]));
    // Verbs of using and "am Ende" say how or when, never what a passage must be about.
    expect(soft('Welche Inhalte werden verwendet?')).toMatchObject({ verwendet: true, inhalte: false });
    expect(soft('Krieg ich am Ende ein Zertifikat?')).toMatchObject({ ende: true, zertifikat: false });
    expect(soft('Wie viele Personen pro Kommune dürfen kommen?')).toMatchObject({ dürfen: true, kommune: false });
    // A general pronoun the material does not use is no unknown word.
    expect(soft('Kann jemand anderes für mich kommen?')).not.toHaveProperty('jemand');
    expect(soft('How long does a session last?')).not.toHaveProperty('last');
    expect(soft('Wie läuft ein Termin ab?')).toMatchObject({ abläuf: true, termin: false });
  });

  it('drops a general verb of state the material does not use, and keeps it (soft) where the material does', () => {
    const without = new PassageIndex([doc('a', 'Recordings', 'Recordings are deleted 30 days after the session.', 'info.md')]);
    expect(without.analyse('Wie lange bleiben die Aufzeichnungen verfügbar?').units.map((u) => u.word)).not.toContain('verfügbar');
    const withIt = new PassageIndex([doc('a', 'Aufzeichnungen', 'Die Aufzeichnungen bleiben 4 Wochen verfügbar.', 'info.md')]);
    expect(withIt.analyse('Wie lange bleiben die Aufzeichnungen verfügbar?').units.find((u) => u.word === 'verfügbar')).toMatchObject({ soft: true });
  });

  it('finds a hyphenated name made of stop words or English words as a whole ("Once-Only-Prinzip")', () => {
    const index = new PassageIndex([
      doc('once', 'Once-Only-Prinzip', 'Nachweise müssen nur einmal mitgeteilt werden.', 'glossar.txt'),
      doc('efa', 'EfA-Prinzip', 'Ein Land entwickelt, andere nutzen nach.', 'glossar.txt'),
    ]);
    expect(hyphenated('Was ist das Once-Only-Prinzip?')).toEqual(['onceonlyprinzip']);
    expect(index.query('Was ist das Once-Only-Prinzip?').hits[0]?.doc.id).toBe('once');
  });
});
