// HTML character references as they appear in pasted German and English text: every Latin-1 name, the
// typographic ones (quotes, dashes, spaces, arrows) and the numeric forms &#228; and &#xE4;. Names are
// case-sensitive as in HTML (&Auml; is not &auml;); an unknown name is left as written.

const LATIN1: Record<string, number> = {
  nbsp: 160, iexcl: 161, cent: 162, pound: 163, curren: 164, yen: 165, brvbar: 166, sect: 167, uml: 168, copy: 169,
  ordf: 170, laquo: 171, not: 172, shy: 173, reg: 174, macr: 175, deg: 176, plusmn: 177, sup2: 178, sup3: 179,
  acute: 180, micro: 181, para: 182, middot: 183, cedil: 184, sup1: 185, ordm: 186, raquo: 187, frac14: 188,
  frac12: 189, frac34: 190, iquest: 191, Agrave: 192, Aacute: 193, Acirc: 194, Atilde: 195, Auml: 196, Aring: 197,
  AElig: 198, Ccedil: 199, Egrave: 200, Eacute: 201, Ecirc: 202, Euml: 203, Igrave: 204, Iacute: 205, Icirc: 206,
  Iuml: 207, ETH: 208, Ntilde: 209, Ograve: 210, Oacute: 211, Ocirc: 212, Otilde: 213, Ouml: 214, times: 215,
  Oslash: 216, Ugrave: 217, Uacute: 218, Ucirc: 219, Uuml: 220, Yacute: 221, THORN: 222, szlig: 223, agrave: 224,
  aacute: 225, acirc: 226, atilde: 227, auml: 228, aring: 229, aelig: 230, ccedil: 231, egrave: 232, eacute: 233,
  ecirc: 234, euml: 235, igrave: 236, iacute: 237, icirc: 238, iuml: 239, eth: 240, ntilde: 241, ograve: 242,
  oacute: 243, ocirc: 244, otilde: 245, ouml: 246, divide: 247, oslash: 248, ugrave: 249, uacute: 250, ucirc: 251,
  uuml: 252, yacute: 253, thorn: 254, yuml: 255,
};

const OTHER: Record<string, number> = {
  // Markup and its legacy upper-case spellings.
  amp: 38, lt: 60, gt: 62, quot: 34, apos: 39, AMP: 38, LT: 60, GT: 62, QUOT: 34,
  // Latin Extended letters of Windows-1252 text.
  OElig: 338, oelig: 339, Scaron: 352, scaron: 353, Yuml: 376, fnof: 402, circ: 710, tilde: 732,
  // Spaces, joiners, dashes.
  ensp: 8194, emsp: 8195, thinsp: 8201, zwnj: 8204, zwj: 8205, lrm: 8206, rlm: 8207, ndash: 8211, mdash: 8212,
  minus: 8722, hyphen: 8208, dash: 8208,
  // Quotation marks (German „…“ and ‚…‘ as well as English “…” and ‘…’).
  lsquo: 8216, rsquo: 8217, sbquo: 8218, ldquo: 8220, rdquo: 8221, bdquo: 8222, lsaquo: 8249, rsaquo: 8250,
  // Punctuation and symbols.
  dagger: 8224, Dagger: 8225, bull: 8226, hellip: 8230, permil: 8240, prime: 8242, Prime: 8243, oline: 8254,
  frasl: 8260, euro: 8364, trade: 8482, larr: 8592, uarr: 8593, rarr: 8594, darr: 8595, harr: 8596, lArr: 8656,
  uArr: 8657, rArr: 8658, dArr: 8659, hArr: 8660, check: 10003, cross: 10007, le: 8804, ge: 8805, ne: 8800,
  asymp: 8776, infin: 8734, sum: 8721, loz: 9674, star: 9734, starf: 9733, phone: 9742, female: 9792, male: 9794,
};

/** Every named reference the decoder knows, name → character. */
export const NAMED_ENTITIES: ReadonlyMap<string, string> = new Map(
  Object.entries({ ...LATIN1, ...OTHER }).map(([name, code]) => [name, String.fromCodePoint(code)]),
);

const REFERENCE = /&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/g;

function fromCodePoint(code: number): string | undefined {
  // As in HTML: NUL, surrogates and values beyond Unicode become the replacement character.
  if (!Number.isFinite(code) || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(code);
}

/** Replaces named (&auml;) and numeric (&#228;, &#xE4;) character references; unknown names stay as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (whole, name: string) => {
    if (name[0] === '#') {
      const hex = name[1] === 'x' || name[1] === 'X';
      return fromCodePoint(parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10)) ?? whole;
    }
    return NAMED_ENTITIES.get(name) ?? whole;
  });
}
