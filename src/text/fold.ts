// Folding of German and English text for comparison: one spelling per word, whichever way it was typed.
// "Gebühr", "GEBÜHR" and "Gebuehr" fold to "gebuehr"; "Café" to "cafe". Umlauts become their two-letter
// spelling (not the bare vowel) so that "Bär" and "Bar" stay apart; foldLoose() is the variant for matching
// against writers who dropped the umlaut altogether ("Gebuhr").

/** Letters NFKD does not decompose into a base letter plus accent. */
const LIGATURES: Record<string, string> = {
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const COMBINING = /[\u0300-\u036f]/g;

/**
 * Lower case; ä→ae, ö→oe, ü→ue, ß→ss; other accents stripped (é→e) and compatibility forms flattened (ﬁ→fi);
 * soft hyphens and zero-width characters removed. Length and word boundaries may change; whitespace and
 * punctuation stay as they are.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(INVISIBLE, '')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[æœøłđðþı]/g, (c) => LIGATURES[c]!)
    .normalize('NFKD')
    .replace(COMBINING, '')
    .normalize('NFC');
}

/**
 * foldText() and then ae→a, oe→o, ue→u: a key under which "Gebühr", "Gebuehr" and "Gebuhr" meet. Lossy
 * ("Bär" = "Bar", "neue" = "neu"), so use it only to compare, with both sides folded the same way.
 */
export function foldLoose(text: string): string {
  return foldText(text).replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u');
}

/** Lower case and ß→ss, umlauts kept: the form the Snowball stemmers expect. */
export function lowerGerman(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/ß/g, 'ss');
}

/** Whether two texts are the same after foldText(), e.g. "Grüße" and "GRUESSE". */
export function sameFolded(a: string, b: string): boolean {
  return foldText(a) === foldText(b);
}
