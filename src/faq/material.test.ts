// Plain text as coordinators export it: wrapped lines join into their sentence; items of a list, headings,
// addresses, columns and files of one paragraph per line stay apart. Invented texts, no program's words.
import { describe, expect, it } from 'vitest';
import { joinLineEnd, pdfTextToMarkdown, plainTextHeadings, splitIntoPassages, unwrapPlainText } from './material.js';

const passagesOf = (text: string) => splitIntoPassages(plainTextHeadings(unwrapPlainText(text)), 'call.txt', { plainText: true });

describe('hard-wrapped plain text', () => {
  it('joins the indented lines of a numbered paragraph into one passage', () => {
    const text = [
      '2. Places',
      '2.1 The number of places is limited to 30. Registrations are taken in the order they arrive; when all',
      '    places are taken, a registration goes on the waiting list, and whoever moves up has 5 working days',
      '    to accept the place.',
      '2.2 The waiting list closes at the first session.',
    ].join('\n');
    const passages = passagesOf(text);
    expect(passages.map((p) => p.text)).toEqual([
      '2.1 The number of places is limited to 30. Registrations are taken in the order they arrive; when all places are taken, a registration goes on the waiting list, and whoever moves up has 5 working days to accept the place.',
      '2.2 The waiting list closes at the first session.',
    ]);
    expect(passages.every((p) => p.title === '2. Places')).toBe(true);
  });

  it('joins lines wrapped at the width of an e-mail, and a word hyphenated at the line end', () => {
    const text = [
      'Fees',
      'Die Teilnahme kostet 120 Euro pro Person und Termin. Für Beschäftigte der Mitgliedsgemeinden des Verbands',
      'entfällt die Gebühr; die Rechnung wird nach dem ersten Termin verschickt und ist innerhalb von 30 Tagen zu',
      'zahlen. Eine kostenfreie Abmeldung ist bis vierzehn Tage vor dem ersten Termin möglich, danach wird die Gebühr',
      'fällig, sofern keine Vertretung aus derselben Gemeinde benannt wird. Wer mehr als zwei Termine versäumt, erhält',
      'keine Teilnahmebestätigung, kann die fehlenden Termine aber im nächsten Durchgang nach- oder im Ausnahme-',
      'fall im Selbststudium nachholen.',
    ].join('\n');
    // A long paragraph is cut into passages between sentences, never inside one.
    const passages = passagesOf(text);
    expect(passages.every((p) => p.title === 'Fees' && p.text.endsWith('.'))).toBe(true);
    const joined = passages.map((p) => p.text).join(' ');
    expect(joined).toContain('Verbands entfällt die Gebühr');
    expect(joined).toContain('innerhalb von 30 Tagen zu zahlen.');
    expect(joined).toContain('im Ausnahmefall im Selbststudium');
  });

  it('keeps list items, dates and columns apart, and items of a list are no headings', () => {
    const text = [
      '3. Sessions',
      '3.1 Mo 11.01.2027 Opening',
      '3.2 Mo 25.01.2027 Budgets',
      '3.3 Mo 08.02.2027 Wrap-up and next steps for the municipalities taking part in the exchange this year',
      '- bring a laptop',
      '12.04.2027\tOptional clinic',
    ].join('\n');
    const passages = passagesOf(text);
    expect(passages.map((p) => p.text)).toEqual([
      '3.1 Mo 11.01.2027 Opening',
      '3.2 Mo 25.01.2027 Budgets',
      '3.3 Mo 08.02.2027 Wrap-up and next steps for the municipalities taking part in the exchange this year',
      '- bring a laptop',
      '12.04.2027',
      'Optional clinic',
    ]);
    expect(new Set(passages.map((p) => p.title))).toEqual(new Set(['3. Sessions']));
  });

  it('leaves a file of one paragraph per line as it is', () => {
    const text = [
      'Platform',
      'All sessions take place online. You can join with the app or in a browser; you need no account of your own to take part in any of them.',
      'Recordings are shared with registered participants for sixty days and then deleted from the shared folder for good.',
      'Captions are available in English and German.',
    ].join('\n');
    expect(passagesOf(text).map((p) => p.text)).toHaveLength(3);
  });

  it('keeps numbered sections apart when no blank line separates them', () => {
    const text = [
      '1. Teilnahme',
      '1.1 Die Teilnahme ist für Beschäftigte der Mitgliedsgemeinden kostenfrei.',
      '1.2 Alle anderen zahlen 60 Euro.',
      '2. Ablauf',
      '2.1 Jeder Termin beginnt mit einem Impuls und endet mit einer Fragerunde.',
      '3. Kontakt',
      '3.1 Fragen beantwortet die Geschäftsstelle.',
    ].join('\n');
    expect(passagesOf(text).map((p) => p.title)).toEqual(['1. Teilnahme', '1. Teilnahme', '2. Ablauf', '3. Kontakt']);
  });

  it('never joins an FAQ of one line per question, an address block, a list without marks, labels or a table', () => {
    const faq = [
      'Häufige Fragen',
      'Was kostet die Teilnahme? Für Beschäftigte der Mitgliedsgemeinden nichts, sonst 60 Euro.',
      'Wird aufgezeichnet? Nur die Vorträge, die Diskussionen in den Kleingruppen nicht.',
      'Wie viele Plätze gibt es? Dreißig, vergeben in der Reihenfolge der Anmeldung.',
    ].join('\n');
    expect(unwrapPlainText(faq)).toBe(faq);
    const blocks = [
      'Kontakt',
      'maria.muster@example.org',
      'hans.beispiel@example.org',
      '',
      'What to bring',
      'laptop',
      'passport',
      '',
      'Termin: Dienstag, 12.01.2027, 10:00 bis 11:30 Uhr, online über die Plattform der Akademie (Link folgt)',
      'Ort: Rathaus Neustadt, Sitzungssaal im ersten Stock, Eingang über den Hof an der Marktstraße',
      'Termin    Datum        Thema',
      'Auftakt   12.01.2027   Wo stehen wir?',
    ].join('\n');
    expect(unwrapPlainText(blocks)).toBe(blocks);
  });

  it('keeps an amount with its subject across the line end', () => {
    const text = ['Die Teilnahme an allen fünf Terminen der Reihe kostet für Beschäftigte kleiner Gemeinden', '120 Euro pro Person.', 'Andere zahlen das Doppelte.'].join('\n');
    expect(unwrapPlainText(text)).toContain('kleiner Gemeinden 120 Euro pro Person.');
  });

  it('joins a hyphenated word, keeps a compound\'s hyphen before a capital and a suspended one before "und"', () => {
    expect(joinLineEnd('das Förder-', 'programm')).toBe('das Förderprogramm');
    expect(joinLineEnd('die E-Mail-', 'Adresse')).toBe('die E-Mail-Adresse');
    expect(joinLineEnd('in Klein-', 'und Mittelstädten')).toBe('in Klein- und Mittelstädten');
    expect(pdfTextToMarkdown('Die Reihe richtet sich an Beschäftigte der Bauhöfe und Grünflächenämter in Klein-\nund Mittelstädten.')).toContain('Klein- und Mittelstädten.');
  });

  it('joins a line that starts in lower case after one that ends no sentence, even in an unwrapped file', () => {
    expect(unwrapPlainText('Die Anmeldung für alle Termine der Reihe ist bis zum 3. März\nmöglich.\nDanach nicht mehr.')).toBe(
      'Die Anmeldung für alle Termine der Reihe ist bis zum 3. März möglich.\nDanach nicht mehr.',
    );
  });
});
