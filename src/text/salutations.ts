// The greeting, the "kurze Frage:" and the thanks around a message in a chat ("Hallo zusammen, kurze Frage: wann
// geht es los? Danke!"). They say nothing about what is asked, so a search should not look for them; what is left
// is the question. General German and English chat openers and closers, no program's words.

const ADDRESSEE = String.raw`(?:\s+(?:zusammen|alle(?:rseits)?|miteinander|ihr\s+lieben|liebes?\s+(?:orga-?)?team|(?:orga-?)?team|leute|all|everyone|everybody|team|folks|there|guys))?`;
const GREETING = String.raw`(?:hallo|hallöchen|hi|hey|servus|moin(?:\s+moin)?|grüß\s+(?:gott|dich|euch)|grüezi|guten\s+(?:morgen|tag|abend)|hello|good\s+(?:morning|afternoon|evening)|greetings|dear\s+(?:all|team|colleagues)|liebe\s+(?:alle|kolleginnen\s+und\s+kollegen|kollegen))`;
const PREFACE = String.raw`(?:(?:noch\s+)?(?:eine|ne|mal\s+eine|eine\s+kleine|eine\s+kurze|kurze|kleine)\s+frage|ich\s+(?:hätte|habe|hab)\s+(?:da\s+)?(?:noch\s+)?(?:eine|ne)\s+(?:kurze\s+|kleine\s+)?frage|frage|(?:a\s+|one\s+)?(?:quick|short|small)\s+question|(?:one\s+more|another|a)\s+question|question|sorry\s+(?:if|in\s+case)\s+[^:–—]{1,60}?|sorry\s+to\s+bother(?:\s+you)?|entschuldigung(?:,?\s+falls\s+[^:–—]{1,60}?)?|sorry(?:,?\s+falls\s+[^:–—]{1,60}?)?)`;

// After the greeting comes a mark ("Hallo zusammen, …", "Moin! …", "Hi all – …"), or a question word straight away
// ("hallo wann ist …"): "Hi team leads, …", "Guten Tag der offenen Tür" and "hi there is a problem" keep their words.
const QUESTION_START = String.raw`(?=(?:wann|wie|wo|woher|wohin|was|wer|wen|wem|welche[rmns]?|warum|wieso|weshalb|gibt|gibts|kann|kannst|können|könnt|muss|müssen|darf|dürfen|when|what|where|who|whom|how|which|why|do|does|did|can|could|will|would|should|may)\b)`;
const OPENING = new RegExp(String.raw`^\s*(?:${GREETING}${ADDRESSEE}(?:\s*[,:!.]+\s*|\s*[–—]\s*|\s+-\s*|\s+${QUESTION_START})|${PREFACE}\s*(?:[:–—]|\s-)\s*|${PREFACE}\s*,\s*)`, 'iu');
const CLOSING = new RegExp(
  String.raw`(?<=[?!.])\s*(?:(?:vielen\s+|herzlichen\s+|besten\s+)?dank(?:e(?:\s*schön|schön|\s+euch|\s+dir)?)?(?:\s+im\s+voraus)?|(?:liebe|viele|beste|schöne)\s+grüße|lg|vg|thanks?(?:\s+(?:a\s+lot|in\s+advance|you))?|thank\s+you(?:\s+in\s+advance)?|thx|cheers|best\s+regards)\s*[!.:)]*\s*$`,
  'iu',
);

/** The message without a leading greeting or "kurze Frage:" and without a trailing thanks; the message as it
 * was when nothing else is left. */
export function withoutSalutation(text: string): string {
  let rest = text;
  for (let i = 0; i < 3; i++) {
    const opening = OPENING.exec(rest);
    if (!opening || opening[0].length === 0) break;
    rest = rest.slice(opening[0].length);
  }
  rest = rest.replace(CLOSING, '');
  return /\p{L}{2}/u.test(rest) ? rest.trim() : text;
}
