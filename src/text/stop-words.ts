// Stop words of German and English: function words, and the generic verbs and filler of questions and
// comments ("machen", "passiert", "toll", "thanks"). They carry no topic, so neither a FAQ search nor a theme
// count should match on them. Stored folded (foldText), so "für", "fuer" and "FÜR" are all found.
import { foldText } from './fold.js';
import type { TextLanguage } from './stem.js';

const GERMAN = `
ab aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes auch auf aus
bedeuten bedeutet bei beim besser bin bis bisher bist bitte brauche brauchen braucht da dabei damit danke dann das
dass dein deine dem den denn der des dessen deshalb dich die dies diese diesem diesen dieser dieses dir doch dort du
durch ebenfalls eher eigentlich ein eine einem einen einer eines einfach einige einmal er erzähl es etwa etwas euch
euer fand fände finde finden findet frau für gab gar geben gegen gehen geht gemacht genau gerade gern gerne gibt
gilt ging gut gute guten guter gutes hab habe haben hat hatte hätte heißt herr herrn hier hin hinter ich ihm ihn
ihnen ihr ihre ihrem ihren ihrer im immer in ins ist ja jede jedem jeden jeder jedes jetzt kann kannst kein keine
keinem keinen keiner können konnte könnte lauten lautet mache machen macht mal man manche mehr mein meine meinem
meinen meiner mich mir mit muss müssen musste nach neben nicht nichts noch nun nur ob oder ohne passieren passiert
prima sag sagen sagt schon sehr sein seine seinem seinen seiner seit selbst sich sie sind so solche soll sollen
sollte sondern sonst sowie statt stehen steht stellt super toll über um und uns unser unsere unter viel viele
vielen vielleicht vom von vor wann war wäre waren wären warum was weil welche welchem welchen welcher welches wem
wen wenn wer werde werden weshalb wessen wie wieder wieso will wir wird wirklich wo wofür woher wohin worum wozu
wurde würde wurden würden zu zum zur zwar zwischen
fur uber konnen mussen
`;

const ENGLISH = `
a about above after again against all also am an and any anything are as at be because been before being below
better between both but by can could did do does doing done down during each every few for from further get getting
going good got great had happen happens has have having he her here hers him his how i if in into is it its itself
just like liked lot lots many maybe me more most much must my need needs nice no nor not now of off on once only or
other our ours out over own please really same she should so some such than thank thanks that the their them then
there these they think this those through to too under until up us very want wants was we were what when where
which while who whom why will with would you your yours
`;

function list(text: string): ReadonlySet<string> {
  return new Set(text.split(/\s+/).filter(Boolean).map(foldText));
}

/** German stop words, folded with foldText (ä→ae, ß→ss); umlaut-less spellings of the common ones included. */
export const GERMAN_STOP_WORDS: ReadonlySet<string> = list(GERMAN);
/** English stop words, folded with foldText (lower case). */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = list(ENGLISH);

/** Whether a word (any case, any umlaut spelling) is a stop word of the language, or of either one. */
export function isStopWord(word: string, language?: TextLanguage): boolean {
  const folded = foldText(word);
  if (language === 'de') return GERMAN_STOP_WORDS.has(folded);
  if (language === 'en') return ENGLISH_STOP_WORDS.has(folded);
  return GERMAN_STOP_WORDS.has(folded) || ENGLISH_STOP_WORDS.has(folded);
}

/**
 * The language a text is written in, by the words only one language has as stop words and by the letters only
 * German writes (ä, ö, ü, ß); none where nothing tells (a table row of names and figures). German on a tie.
 */
export function statedLanguage(words: readonly string[]): TextLanguage | undefined {
  let de = 0;
  let en = 0;
  for (const word of words) {
    const folded = foldText(word);
    const german = GERMAN_STOP_WORDS.has(folded);
    const english = ENGLISH_STOP_WORDS.has(folded);
    if ((german && !english) || /[äöüß]/i.test(word)) de++;
    else if (english && !german) en++;
  }
  return de === 0 && en === 0 ? undefined : en > de ? 'en' : 'de';
}

/**
 * The language whose stop words a text's words contain more of; German on a tie (the programs' language).
 * `markers` adds words (folded) that count for a language besides its stop words, such as month names.
 */
export function guessLanguage(words: readonly string[], markers?: Readonly<Record<TextLanguage, ReadonlySet<string>>>): TextLanguage {
  let de = 0;
  let en = 0;
  for (const word of words) {
    const folded = foldText(word);
    if (GERMAN_STOP_WORDS.has(folded) || markers?.de.has(folded)) de++;
    if (ENGLISH_STOP_WORDS.has(folded) || markers?.en.has(folded)) en++;
  }
  return en > de ? 'en' : 'de';
}
