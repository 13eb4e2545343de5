// Words of a text for counting and searching: runs of letters and digits in their written case. Callers
// fold, stem or drop stop words afterwards, so the written spelling stays available for display.

const PLAIN = /[\p{L}\p{M}\p{N}]+/gu;
const JOINED = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*[\p{L}\p{M}\p{N}]|[\p{L}\p{N}]/gu;

/** Letters and digits; everything else separates ("Change-Management" gives two words). */
export function words(text: string): string[] {
  return text.normalize('NFC').match(PLAIN) ?? [];
}

/** Like words(), but a hyphen or apostrophe inside a word keeps it whole ("Change-Management", "don't"). */
export function joinedWords(text: string): string[] {
  return text.normalize('NFC').match(JOINED) ?? [];
}
