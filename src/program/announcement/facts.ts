// Program facts of an announcement, read from the text as a whole: the title and subtitle, the format
// (virtual, on site, hybrid), the session counts it announces ("fünf Termine") and the contacts.
import { z } from 'zod';
import { foldText } from '../../text/index.js';
import { BOLD_CLOSE, plain } from './cleanup.js';

export type ProgramFormat = 'virtual' | 'onsite' | 'hybrid';

export interface Contact {
  name: string;
  organization?: string;
  email?: string;
}

/** The first level-one heading, else the first line; a level-two heading right below it is the subtitle. */
export function findTitle(text: string): { title: string; subtitle?: string } {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const h1 = lines.findIndex((l) => /^#\s/.test(l));
  const index = h1 >= 0 ? h1 : 0;
  // A heading with no words ("#") leaves nothing: the draft still needs a title the coordinator can fix.
  const title = plain((lines[index] ?? '').replace(/^#+\s*/, '')) || 'Programm';
  const next = lines[index + 1];
  const subtitle = next && /^##\s/.test(next) ? plain(next.replace(/^#+\s*/, '')) : undefined;
  return subtitle ? { title, subtitle } : { title };
}

/**
 * Hybrid when it says so or names both an online format and meeting in person (some sessions online, one on
 * site), else virtual when it names an online format, else on site when it names a place.
 */
export function findFormat(text: string): ProgramFormat {
  const folded = foldText(text);
  if (/\bhybrid/.test(folded)) return 'hybrid';
  const online = /virtuell|online|videokonferenz|\bteams\b|webex|zoom|digitale[ns]? format|\bvirtual\b/.test(folded);
  const onsite = /praesenz|vor ort|\bim rathaus\b|\bvor-ort\b|\bin person\b|\bon[ -]site\b/.test(folded);
  if (online && onsite) return 'hybrid';
  if (online) return 'virtual';
  if (onsite) return 'onsite';
  return 'virtual';
}

const NUMBER_WORDS: Record<string, number> = {
  ein: 1, eins: 1, einen: 1, zwei: 2, drei: 3, vier: 4, fuenf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10,
  elf: 11, zwoelf: 12,
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};
const NUMBER = 'ein|eins|einen|zwei|drei|vier|fünf|fuenf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwoelf|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d{1,2}';
const COUNT = new RegExp(
  // Not the end of a paragraph number ("1.3 Die Termine"), and no article between number and noun.
  `(?<![\\p{L}\\d.])(?<n>${NUMBER})` +
    `\\s+(?:(?!(?:die|der|das|den|the)\\s)[\\p{L}-]+\\s+)?(?:Terminen?|Sitzungen|Veranstaltungen|Treffen|Modulen?|Workshops|sessions|meetings|events|modules)(?![\\p{L}])` +
    // "We meet four times", "Wir treffen uns dreimal"
    `|(?<![\\p{L}\\d])(?<t>${NUMBER})\\s*(?:Mal|times)(?![\\p{L}])`,
  'giu',
);

/** Every session count the text announces, as written ("fünf Termine") and as a number. */
export function findCounts(text: string): { value: number; written: string }[] {
  const out: { value: number; written: string; part: boolean }[] = [];
  const flat = plain(text);
  for (const m of flat.matchAll(COUNT)) {
    const word = foldText((m.groups!.n ?? m.groups!.t)!);
    const value = /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word];
    const after = flat.slice(m.index! + m[0].length, m.index! + m[0].length + 20);
    if (value && value > 1) out.push({ value, written: m[0], part: FORMAT_WORD.test(m[0]) || FORMAT_AFTER.test(after) });
  }
  // "fünfmal, viermal online und einmal vor Ort", "vier virtuelle Termine": beside a count of the whole series,
  // a count of one format is a part of it, not another count ("We meet three times online" alone is the whole).
  const whole = out.some((c) => !c.part);
  return out.filter((c) => !whole || !c.part).map(({ value, written }) => ({ value, written }));
}

const FORMATS = 'online|virtuell\\p{L}*|digital\\p{L}*|hybrid\\p{L}*|präsenz\\p{L}*|vor ort|in person|on site|onsite|virtual\\p{L}*|remote';
const FORMAT_WORD = new RegExp(`(?<![\\p{L}])(?:${FORMATS})(?![\\p{L}])`, 'iu');
const FORMAT_AFTER = new RegExp(`^\\s*(?:${FORMATS})(?![\\p{L}])`, 'iu');

const EMAIL = /[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}/gu;
const NAME_BEFORE_EMAIL =
  /((?:(?:Dr|Prof|Dipl)\.(?:-[\p{L}]+\.)?\s+)*\p{Lu}[\p{L}'-]+(?:\s+(?:von|van|de|zu|vom)\s+|\s+)\p{Lu}[\p{L}'-]+)\s*(?:\(([^()]+)\))?\s*(?:[,:;|–—-]\s*)?(?:E-?Mail:?\s*)?[<(]?\s*$/u;

interface FoundAddress {
  email: string;
  at: number;
  end: number;
  name?: string;
  nameAt: number;
  org?: string;
}

// The program schema's own check: an address the pattern finds but the schema would refuse ("-@-.AA") is
// not an address, and must not make the drafted program invalid.
const validEmail = z.string().email();

function addressesOf(line: string): FoundAddress[] {
  const found: FoundAddress[] = [];
  for (const m of line.matchAll(EMAIL)) {
    if (!validEmail.safeParse(m[0].replace(/\.$/, '')).success) continue;
    const at = m.index!;
    const before = line.slice(0, at);
    // Only look back to the previous address or bold heading, so a name is never taken from another contact.
    const floor = Math.max(found.length ? found[found.length - 1]!.end : 0, before.lastIndexOf(BOLD_CLOSE) + 1);
    const named = NAME_BEFORE_EMAIL.exec(before.slice(floor));
    found.push({
      email: m[0].replace(/\.$/, ''),
      at,
      end: at + m[0].length,
      nameAt: named ? floor + named.index : at,
      ...(named ? { name: named[1]!.replace(/\s+/g, ' ') } : {}),
      ...(named?.[2] ? { org: plain(named[2]) } : {}),
    });
  }
  return found;
}

/**
 * Contacts: each e-mail address with the name written before it ("Dr. Anna Beispiel, anna@…") and the
 * organization in brackets after the name or after the address, up to the next contact's name.
 */
export function findContacts(text: string): Contact[] {
  const contacts: Contact[] = [];
  const seen = new Set<string>();
  for (const line of text.split('\n')) {
    const found = addressesOf(line);
    found.forEach((f, i) => {
      const key = f.email.toLowerCase();
      if (seen.has(key)) return;
      seen.add(key);
      const stop = found[i + 1]?.nameAt ?? line.length;
      const after = plain(line.slice(f.end, stop)).replace(/^[>),;:.\s–—-]+/u, '').replace(/[\s,;:.–—-]+$/u, '');
      const organization = f.org ?? (after && after.length <= 150 && /\p{Lu}/u.test(after) ? after : undefined);
      contacts.push({ name: f.name ?? f.email, ...(organization ? { organization } : {}), email: f.email });
    });
  }
  return contacts;
}
