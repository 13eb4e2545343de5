// All time-zone math of the service lives here: sessions are written in local wall-clock time of the
// program's IANA zone, everything stored and scheduled is an absolute instant.
import { DateTime, Duration, IANAZone } from 'luxon';
import type { Program, Session } from './model.js';
import type { Locale } from '../i18n/locale.js';
import { BoundedCache } from '../shared/bounded-cache.js';
import { programText } from '../i18n/program.js';
import { isStopWord } from '../text/index.js';

export function isValidZone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid;
}

/**
 * Parsed wall-clock times, shared: luxon DateTimes are immutable, and every schedule question or poll check
 * would otherwise parse each session's date again (it showed in the message-path profile).
 */
const PARSED_LIMIT = 5000;
const parsed = new BoundedCache<string, DateTime>(PARSED_LIMIT);

/** The local wall-clock time as a zoned DateTime (luxon moves a time in a DST gap forward). */
export function localDateTime(date: string, time: string, zone: string): DateTime {
  return parsed.get(`${date}T${time}|${zone}`, () => DateTime.fromISO(`${date}T${time}`, { zone }));
}

export function sessionStart(program: Program, session: Session): DateTime {
  return localDateTime(session.date, session.start, program.program.timezone);
}

export function sessionEnd(program: Program, session: Session): DateTime {
  return localDateTime(session.date, session.end, program.program.timezone);
}

export function parseDuration(iso: string): Duration {
  return Duration.fromISO(iso);
}

/** Formatted dates and times, shared like the parsed ones: the same few sessions are shown over and over. */
const formatted = new BoundedCache<string, string>(PARSED_LIMIT);

function memoFormat(key: string, format: () => string): string {
  return formatted.get(key, format);
}

/** "Dienstag, 26. August 2025" / "Tuesday, 26 August 2025" in the given zone. */
export function formatDate(dt: DateTime, locale: Locale): string {
  return memoFormat(`d|${dt.toMillis()}|${dt.zoneName}|${locale}`, () =>
    locale === 'de' ? dt.setLocale('de').toFormat("cccc, d. LLLL yyyy") : dt.setLocale('en').toFormat('cccc, d LLLL yyyy'),
  );
}

/** German names of zone cities that German writes otherwise ("Europe/Lisbon": Lissabon). */
const GERMAN_CITY_NAMES: Record<string, string[]> = {
  lisbon: ['lissabon'],
  tokyo: ['tokio'],
  vienna: ['wien'],
  zurich: ['zürich'],
  copenhagen: ['kopenhagen'],
  rome: ['rom'],
  warsaw: ['warschau'],
  prague: ['prag'],
  brussels: ['brüssel'],
  moscow: ['moskau'],
  athens: ['athen'],
  bucharest: ['bukarest'],
  belgrade: ['belgrad'],
  'mexico city': ['mexiko-stadt'],
  kolkata: ['kalkutta'],
  shanghai: ['schanghai'],
  'sao paulo': ['são paulo'],
};

/**
 * The city an IANA zone is named after, as English and German write it ("America/Toronto": toronto;
 * "Asia/Tokyo": tokyo, tokio), lower case: a question that asks for the time "in Toronto" asks for the zone's
 * clock time.
 */
export function zoneCityNames(zone: string): string[] {
  const city = zone.split('/').pop()!.replace(/_/g, ' ').toLowerCase();
  return zone.includes('/') ? [city, ...(GERMAN_CITY_NAMES[city] ?? [])] : [];
}

/** Locales whose short zone names the participants of an exchange read (the US's, Britain's, Australia's …). */
const ABBREVIATION_LOCALES = ['en-US', 'en-GB', 'en-AU', 'en-NZ', 'en-CA', 'en-IN', 'en-ZA', 'en-SG', 'en-IE', 'de-DE', 'ja-JP'];
const zoneNamesMemo = new BoundedCache<string, ZoneNames>(64);

/** What a zone's clock is called besides its city, lower case. */
export interface ZoneNames {
  /** „pst“, „pdt“, „pt“, „awst“, „cet“, „mez“: no abbreviation that is also a function word („IST“ is German „ist“). */
  abbreviations: string[];
  /** „pacific time“, „pacific standard time“, „mitteleuropäische zeit“. */
  names: string[];
}

/**
 * The abbreviations and names of a zone's clock in English and German, from the runtime's time zone names
 * (ICU's CLDR data) in winter and in summer; none with an offset („GMT+8“).
 */
export function zoneNames(zone: string): ZoneNames {
  return zoneNamesMemo.get(zone, () => {
    const abbreviations = new Set<string>();
    const names = new Set<string>();
    if (!IANAZone.isValidZone(zone)) return { abbreviations: [], names: [] };
    const nameOf = (locale: string, style: Intl.DateTimeFormatOptions['timeZoneName'], instant: Date) =>
      new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: style }).formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? '';
    // A fixed year, so the names do not depend on the day they are asked for (zones rarely rename their clocks).
    const year = 2027;
    for (const month of [0, 6]) {
      const instant = new Date(Date.UTC(year, month, 15));
      for (const locale of ABBREVIATION_LOCALES) {
        for (const style of ['short', 'shortGeneric'] as const) {
          const name = nameOf(locale, style, instant);
          if (/^[A-Z]{2,5}$/.test(name) && !isStopWord(name)) abbreviations.add(name.toLowerCase());
        }
      }
      for (const locale of ['en-US', 'de-DE']) {
        for (const style of ['long', 'longGeneric'] as const) {
          const name = nameOf(locale, style, instant).toLowerCase();
          if (/^[\p{L} -]+$/u.test(name) && / (time|zeit)$|zeit$/.test(name)) names.add(name);
        }
      }
    }
    return { abbreviations: [...abbreviations], names: [...names] };
  });
}

/** The zone participants read times in: German-speaking staff (Vienna and Zurich share Berlin's offsets). */
export const READER_ZONE = 'Europe/Berlin';

/**
 * A session's time as participants in Germany read it, when the program's zone shows another clock time then:
 * "(Ortszeit Asia/Tokyo; 09:30–11:00 Uhr deutscher Zeit)", with the German day when it is another. Empty when
 * both clocks agree, so a program in Germany, Austria or Switzerland reads as before.
 */
export function readerTime(start: DateTime, end: DateTime, locale: Locale): string {
  const here = start.setZone(READER_ZONE);
  if (here.offset === start.offset) return '';
  const range = `${here.toFormat('HH:mm')}–${end.setZone(READER_ZONE).toFormat('HH:mm')}`;
  const day = here.toISODate() === start.toISODate() ? undefined : formatDate(here, locale);
  return programText(locale).readerTime(range, start.zoneName ?? '', day);
}

/** "10:00–12:00 Uhr" / "10:00–12:00", and German time beside another zone's clock time (readerTime). */
export function formatTimeRange(start: DateTime, end: DateTime, locale: Locale): string {
  return memoFormat(`t|${start.toMillis()}|${start.zoneName}|${end.toMillis()}|${end.zoneName}|${locale}`, () => {
    const range = `${start.toFormat('HH:mm')}–${end.toFormat('HH:mm')}`;
    const reader = readerTime(start, end, locale);
    return `${locale === 'de' ? `${range} Uhr` : range}${reader ? ` ${reader}` : ''}`;
  });
}

/** Sessions sorted by start instant. */
export function sortedSessions(program: Program): Session[] {
  return [...program.sessions].sort(
    (a, b) => sessionStart(program, a).toMillis() - sessionStart(program, b).toMillis(),
  );
}

export type LocalTimeStatus = 'ok' | 'gap' | 'fold';

/**
 * Whether a wall-clock time exists exactly once in the zone: 'gap' when the clocks jump over it (spring
 * forward), 'fold' when it happens twice (fall back). luxon silently picks an instant in both cases, so the
 * lint asks here first.
 */
export function localTimeStatus(date: string, time: string, zone: string): LocalTimeStatus {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const wall = Date.UTC(y!, m! - 1, d!, hh!, mm!);
  const offsetAt = zoneOffset(zone);
  const candidates = new Set([offsetAt(wall - 14 * 3_600_000), offsetAt(wall + 14 * 3_600_000), offsetAt(wall)]);
  let matches = 0;
  for (const offset of candidates) {
    if (offsetAt(wall - offset * 60_000) === offset) matches += 1;
  }
  if (matches === 0) return 'gap';
  return matches > 1 ? 'fold' : 'ok';
}

/** The ISO weekday (1 = Monday) of a calendar date, independent of any zone. */
export function isoWeekday(date: string): number {
  return DateTime.fromISO(date, { zone: 'UTC' }).weekday;
}

/** The zone's UTC offset in minutes at an instant; IANAZone caches its formatter, far cheaper than DateTimes. */
export function zoneOffset(zone: string): (ms: number) => number {
  const iana = IANAZone.create(zone);
  return (ms) => iana.offset(ms);
}
