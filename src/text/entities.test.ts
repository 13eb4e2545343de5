import { describe, expect, it } from 'vitest';
import { decodeEntities, NAMED_ENTITIES } from './entities.js';

describe('decodeEntities', () => {
  it('decodes the named references of German text', () => {
    expect(decodeEntities('Gr&uuml;&szlig;e aus M&ouml;nchengladbach &amp; &Auml;mtern')).toBe('Grüße aus Mönchengladbach & Ämtern');
    expect(decodeEntities('&bdquo;Daten&ldquo; &ndash; 10&nbsp;Uhr &hellip; 5&nbsp;&euro;')).toBe('„Daten“ – 10\u00a0Uhr … 5\u00a0€');
    expect(decodeEntities('&lt;b&gt; &quot;x&quot; &apos;y&apos; &sect; 3 &copy; &deg;C')).toBe('<b> "x" \'y\' § 3 © °C');
  });

  it('decodes decimal and hexadecimal references', () => {
    expect(decodeEntities('&#228;&#xE4;&#XC4;&#8364;&#x1F600;')).toBe('ääÄ€😀');
  });

  it('keeps unknown names and text without a semicolon as written', () => {
    expect(decodeEntities('&unknown; &amp Fish &; a&b')).toBe('&unknown; &amp Fish &; a&b');
  });

  it('is case-sensitive like HTML, with the legacy capitals of the markup names', () => {
    expect(decodeEntities('&Uuml;&uuml;&AMP;')).toBe('Üü&');
  });

  it('turns impossible code points into the replacement character', () => {
    expect(decodeEntities('&#0;&#xD800;&#x110000;')).toBe('\uFFFD\uFFFD\uFFFD');
  });

  it('knows every Latin-1 letter', () => {
    for (let code = 0xc0; code <= 0xff; code++) {
      expect([...NAMED_ENTITIES.values()]).toContain(String.fromCodePoint(code));
    }
  });
});
