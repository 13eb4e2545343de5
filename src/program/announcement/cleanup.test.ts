import { describe, expect, it } from 'vitest';
import { BOLD_CLOSE, BOLD_OPEN, normalizeAnnouncement, plain } from './cleanup.js';

const B = (s: string) => `${BOLD_OPEN}${s}${BOLD_CLOSE}`;

describe('normalizeAnnouncement', () => {
  it('turns HTML blocks into lines and table cells into tabs, dropping head and script', () => {
    const html =
      '<html><head><title>x</title></head><body><h1>Reihe</h1>\n<p>Erster\nAbsatz</p><table><tr><td>A</td><td>B</td></tr></table>' +
      '<ul><li>Eins</li><li>Zwei</li></ul><script>alert(1)</script></body></html>';
    const lines = normalizeAnnouncement(html).split('\n').filter((l) => l.trim());
    expect(lines).toEqual(['# Reihe', 'Erster Absatz', 'A\tB\t', '- Eins', '- Zwei']);
  });

  it('marks bold titles but not bold dates or times', () => {
    expect(normalizeAnnouncement('<b>Auftakt</b> am <strong>3. März 2027</strong>, **10–12 Uhr** __Titel__')).toBe(
      `${B('Auftakt')} am 3. März 2027, 10–12 Uhr ${B('Titel')}`,
    );
  });

  it('decodes character references and non-breaking spaces', () => {
    expect(normalizeAnnouncement('Gr&uuml;&szlig;e&nbsp;&amp; &bdquo;Daten&ldquo; &#8211; &#xE4;')).toBe('Grüße & „Daten“ – ä');
  });

  it('keeps mailto addresses and link labels', () => {
    expect(normalizeAnnouncement('<a href="mailto:a@b.de">a@b.de</a> und <a href="mailto:c@d.de">Clara</a>')).toBe('a@b.de und Clara, c@d.de');
    expect(normalizeAnnouncement('[Info](https://x.example) [c@d.de](mailto:c@d.de)')).toBe('Info c@d.de');
  });

  it('normalizes line ends and spaces around tabs', () => {
    expect(normalizeAnnouncement('a  b \t c \r\nd\re  ')).toBe('a b\tc\nd\ne');
  });
});

describe('plain', () => {
  it('drops the bold sentinels and collapses whitespace', () => {
    expect(plain(` ${B('Titel')}\n  und\tmehr `)).toBe('Titel und mehr');
  });
});
