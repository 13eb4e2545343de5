import { describe, expect, it } from 'vitest';
import { mailHeaders, quotedMessageStart } from './mail.js';

describe('an older e-mail quoted below a newer one', () => {
  it('starts at a separator, at a header block that is not the first, at an attribution, or at lines quoted with ">"', () => {
    const forwarded = ['Von: A <a@example.org>', 'Gesendet: Mittwoch, 3. Februar 2027 11:42', 'Betreff: WG: Reihe', '', 'Die Frist ist jetzt der 22.02.', '', '-----Ursprüngliche Nachricht-----', 'Von: A', 'Die Frist ist der 15.02.'];
    expect(quotedMessageStart(forwarded)).toBe(6);
    expect(quotedMessageStart(['New text.', '', 'From: B <b@example.org>', 'Sent: Monday, 1 February 2027 09:00', 'Old text.'])).toBe(2);
    expect(quotedMessageStart(['Neu.', '', 'Am 1. Februar 2027 schrieb Anna Beispiel:', 'Alt.'])).toBe(2);
    expect(quotedMessageStart(['Neu.', '> Alt, Zeile 1', '> Alt, Zeile 2'], { plainText: true })).toBe(1);
  });

  it('is not found in a plain message, nor in a Markdown block quote of the author\'s own', () => {
    expect(quotedMessageStart(['Von: A <a@example.org>', 'Gesendet: heute', '', 'Die Frist ist der 22.02.'])).toBeUndefined();
    expect(quotedMessageStart(['# Hinweise', '> Bitte Kamera an', '> und Ton aus'])).toBeUndefined();
  });
});

describe("an e-mail's header block", () => {
  it('becomes its subject as a heading, without sender, recipients, date or the separator line', () => {
    const mail = ['Von: Anna Beispiel <anna@example.org>', 'Gesendet: Mittwoch, 3. Februar 2027 11:42', 'An: Verteiler', 'Betreff: WG: AW: Reihe - Anmeldung verlängert', '', 'Wir verlängern die Anmeldung.', '-----Original Message-----', 'From: Anna', 'Subject: Re: Reihe'].join('\n');
    expect(mailHeaders(mail)).toBe(['# Reihe - Anmeldung verlängert', '', 'Wir verlängern die Anmeldung.', '# Reihe'].join('\n'));
  });
});
