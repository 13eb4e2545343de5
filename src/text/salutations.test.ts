import { describe, expect, it } from 'vitest';
import { withoutSalutation } from './salutations.js';

describe('withoutSalutation', () => {
  it('drops a greeting, its addressee and a "kurze Frage:" before the question', () => {
    expect(withoutSalutation('Hallo zusammen, kurze Frage: wann geht es los?')).toBe('wann geht es los?');
    expect(withoutSalutation('Servus, ich hätte eine Frage: Kostet das was?')).toBe('Kostet das was?');
    expect(withoutSalutation('hallo wann ist der nächste termin')).toBe('wann ist der nächste termin');
    expect(withoutSalutation('Hi everyone, quick question: is it recorded?')).toBe('is it recorded?');
    expect(withoutSalutation('Sorry if this was covered already – what does it cost?')).toBe('what does it cost?');
    expect(withoutSalutation('Frage: bis wann?')).toBe('bis wann?');
  });

  it('drops the thanks after the question', () => {
    expect(withoutSalutation('Wann geht es los? Vielen Dank im Voraus.')).toBe('Wann geht es los?');
    expect(withoutSalutation('Where do we meet? Thanks a lot!')).toBe('Where do we meet?');
    expect(withoutSalutation('Wo parke ich? LG')).toBe('Wo parke ich?');
  });

  it('keeps words that only begin like a greeting or name what the question is about', () => {
    expect(withoutSalutation('Frage zur Anmeldung: bis wann?')).toBe('Frage zur Anmeldung: bis wann?');
    expect(withoutSalutation('Hi-Tech-Förderung?')).toBe('Hi-Tech-Förderung?');
    expect(withoutSalutation('Hilfe, wo ist der Link?')).toBe('Hilfe, wo ist der Link?');
    expect(withoutSalutation('Thanks for the session, where are the slides?')).toBe('Thanks for the session, where are the slides?');
    expect(withoutSalutation('Fragebogen: wann?')).toBe('Fragebogen: wann?');
    // Only a mark or a question word ends the greeting: the rest may be the question's own words.
    for (const q of ['Hi team leads, when is the kick-off?', 'Hallo Team Nord, wann ist das?', 'Greetings cards: who designs them?', 'Good morning session: when does it start?', 'Guten Tag der offenen Tür – wann ist der?', 'hi there is a problem with the link']) {
      expect(withoutSalutation(q), q).toBe(q);
    }
  });

  it('leaves a message that is only a greeting as it was', () => {
    expect(withoutSalutation('Hallo!')).toBe('Hallo!');
    expect(withoutSalutation('Danke!')).toBe('Danke!');
  });
});
