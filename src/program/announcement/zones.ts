// Time zones an announcement names for its times ("Zeitangaben in MEZ", "all times UK time", "10 am Eastern
// Time"). The names are the general ones people write, German and English; each maps to an IANA zone whose
// offsets it shares. Bare abbreviations count only in capitals, so "et" or "pt" in a sentence never does.
import { DateTime } from 'luxon';

export interface NamedZone {
  zone: string;
  /** The words as written. */
  written: string;
}

const PHRASES: [RegExp, string][] = [
  [/(?<!\p{L})(?:mitteleurop(?:ä|ae)ische[rn]? (?:Sommer)?zeit|deutscher Zeit|German time|Berlin(?:er)? (?:time|Zeit)|Central European (?:Summer )?Time)(?!\p{L})/iu, 'Europe/Berlin'],
  [/(?<!\p{L})(?:österreichischer Zeit|oesterreichischer Zeit|Wiener Zeit|Vienna time|Austrian time)(?!\p{L})/iu, 'Europe/Vienna'],
  [/(?<!\p{L})(?:Schweizer Zeit|Zürcher Zeit|Swiss time|Zurich time)(?!\p{L})/iu, 'Europe/Zurich'],
  [/(?<!\p{L})(?:UK time|British time|London time|Londoner Zeit|britischer Zeit|Irish time|Dublin time|irischer Zeit)(?!\p{L})/iu, 'Europe/London'],
  [/(?<!\p{L})(?:Lisbon time|Portuguese time|Lissabonner Zeit|portugiesischer Zeit|Western European (?:Summer )?Time)(?!\p{L})/iu, 'Europe/Lisbon'],
  [/(?<!\p{L})(?:Eastern European (?:Summer )?Time|osteurop(?:ä|ae)ische[rn]? (?:Sommer)?zeit|Helsinki time|Athens time)(?!\p{L})/iu, 'Europe/Helsinki'],
  [/(?<!\p{L})(?:Eastern (?:Standard |Daylight )?Time|New York time|New Yorker Zeit|Ostküstenzeit)(?!\p{L})/iu, 'America/New_York'],
  [/(?<!\p{L})(?:Central (?:Standard |Daylight )?Time|Chicago time)(?!\p{L})/iu, 'America/Chicago'],
  [/(?<!\p{L})(?:Mountain (?:Standard |Daylight )?Time|Denver time)(?!\p{L})/iu, 'America/Denver'],
  [/(?<!\p{L})(?:Pacific (?:Standard |Daylight )?Time|Westküstenzeit|Los Angeles time)(?!\p{L})/iu, 'America/Los_Angeles'],
  // Beyond Europe and North America, by city or country, German and English.
  [/(?<!\p{L})(?:Tokyo time|Tokioter Zeit|Japan(?:ese)? (?:Standard )?time|japanischer Zeit)(?!\p{L})/iu, 'Asia/Tokyo'],
  [/(?<!\p{L})(?:Seoul time|Korea(?:n)? (?:Standard )?time|koreanischer Zeit)(?!\p{L})/iu, 'Asia/Seoul'],
  [/(?<!\p{L})(?:Beijing time|China (?:Standard )?time|chinesischer Zeit|Pekinger Zeit)(?!\p{L})/iu, 'Asia/Shanghai'],
  [/(?<!\p{L})(?:Singapore time|Singapurer Zeit)(?!\p{L})/iu, 'Asia/Singapore'],
  [/(?<!\p{L})(?:India(?:n)? (?:Standard )?time|indischer Zeit)(?!\p{L})/iu, 'Asia/Kolkata'],
  [/(?<!\p{L})(?:Sydney time|Australian Eastern (?:Standard |Daylight )?Time)(?!\p{L})/iu, 'Australia/Sydney'],
  [/(?<!\p{L})(?:New Zealand (?:Standard |Daylight )?time|Auckland time)(?!\p{L})/iu, 'Pacific/Auckland'],
  [/(?<!\p{L})(?:Brasília time|Brasilia time|São Paulo time|Sao Paulo time|brasilianischer Zeit)(?!\p{L})/iu, 'America/Sao_Paulo'],
  [/(?<!\p{L})(?:Istanbul time|Turkish time|türkischer Zeit)(?!\p{L})/iu, 'Europe/Istanbul'],
  [/(?<!\p{L})(?:Moscow time|Moskauer Zeit)(?!\p{L})/iu, 'Europe/Moscow'],
  [/(?<!\p{L})(?:South Africa(?:n)? (?:Standard )?time|Johannesburg time)(?!\p{L})/iu, 'Africa/Johannesburg'],
];
const ABBREVIATIONS: [RegExp, string][] = [
  [/\b(?:MEZ|MESZ|CET|CEST)\b/u, 'Europe/Berlin'],
  [/\b(?:GMT|BST)\b/u, 'Europe/London'],
  [/\b(?:WET|WEST)\b/u, 'Europe/Lisbon'],
  [/\b(?:EET|EEST|OEZ|OESZ)\b/u, 'Europe/Helsinki'],
  [/\b(?:EST|EDT|ET)\b/u, 'America/New_York'],
  [/\b(?:CST|CDT)\b/u, 'America/Chicago'],
  [/\b(?:MST|MDT)\b/u, 'America/Denver'],
  [/\b(?:PST|PDT|PT)\b/u, 'America/Los_Angeles'],
  [/\bUTC\b/u, 'UTC'],
  [/\bJST\b/u, 'Asia/Tokyo'],
  [/\bKST\b/u, 'Asia/Seoul'],
  [/\bSGT\b/u, 'Asia/Singapore'],
  [/\b(?:AEST|AEDT)\b/u, 'Australia/Sydney'],
  [/\b(?:NZST|NZDT)\b/u, 'Pacific/Auckland'],
  [/\bSAST\b/u, 'Africa/Johannesburg'],
  [/\bMSK\b/u, 'Europe/Moscow'],
];

/** The zones the text names, in the order it first names them (one entry per zone). */
export function namedZones(text: string): NamedZone[] {
  const found = new Map<string, { written: string; at: number }>();
  for (const [pattern, zone] of [...PHRASES, ...ABBREVIATIONS]) {
    const m = pattern.exec(text);
    if (m && (!found.has(zone) || found.get(zone)!.at > m.index)) found.set(zone, { written: m[0], at: m.index });
  }
  return [...found].sort((a, b) => a[1].at - b[1].at).map(([zone, { written }]) => ({ zone, written }));
}

/** Whether two zones give the same offset at every one of the instants (local dates and times of `a`). */
export function sameOffsets(a: string, b: string, dates: readonly { date: string; start: string }[]): boolean {
  if (a === b) return true;
  const probes = dates.length ? dates : [{ date: DateTime.utc().toISODate()!, start: '12:00' }];
  return probes.every(({ date, start }) => {
    const local = DateTime.fromISO(`${date}T${start}`, { zone: a });
    return local.isValid && local.offset === local.setZone(b).offset;
  });
}

/** Characters of a zone name right after a time ("2:00 to 3:30pm CET — Titel", "(UK time)"), else 0. */
export function zoneAtStart(rest: string): number {
  const lead = /^\s*\(?\s*/u.exec(rest)![0];
  for (const [pattern] of [...PHRASES, ...ABBREVIATIONS]) {
    const m = pattern.exec(rest.slice(lead.length));
    if (m?.index === 0) {
      const close = /^\s*\)?/u.exec(rest.slice(lead.length + m[0].length))![0];
      // An opening bracket counts only with its closing one.
      if (lead.includes('(') && !close.includes(')')) return 0;
      return lead.length + m[0].length + close.length;
    }
  }
  return 0;
}
