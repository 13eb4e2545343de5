import { describe, expect, it } from 'vitest';
import { BOLD_CLOSE, BOLD_OPEN } from './cleanup.js';
import { findContacts, findCounts, findFormat, findTitle } from './facts.js';

describe('findTitle', () => {
  it('takes the first level-one heading and a level-two subtitle below it', () => {
    expect(findTitle('Vorwort\n# Reihe: Daten\n## Für Kommunen\nText')).toEqual({ title: 'Reihe: Daten', subtitle: 'Für Kommunen' });
    expect(findTitle('\n  Erste Zeile  \nZweite')).toEqual({ title: 'Erste Zeile' });
    expect(findTitle('#')).toEqual({ title: 'Programm' });
  });
});

describe('findFormat', () => {
  it.each([
    ['Das Format ist hybrid.', 'hybrid'],
    ['Wir treffen uns online in Teams.', 'virtual'],
    ['Die Treffen finden in Präsenz statt.', 'onsite'],
    ['Die Treffen finden in Praesenz statt.', 'onsite'],
    ['Vor Ort im Rathaus.', 'onsite'],
    ['Keine Angabe.', 'virtual'],
  ])('%s → %s', (text, format) => expect(findFormat(text)).toBe(format));
});

describe('findCounts', () => {
  it('reads counts in words (any umlaut spelling) and digits, ignoring one', () => {
    expect(findCounts('Vorgesehen sind fünf Termine, dazu 2 Workshops und zwoelf Sitzungen. Ein Treffen extra.')).toEqual([
      { value: 5, written: 'fünf Termine' },
      { value: 2, written: '2 Workshops' },
      { value: 12, written: 'zwoelf Sitzungen' },
    ]);
    expect(findCounts('Inhalte der sechs weiteren Termine')).toEqual([{ value: 6, written: 'sechs weiteren Termine' }]);
  });
});

describe('findContacts', () => {
  it('takes the name before and the organization after each address', () => {
    const line = `${BOLD_OPEN}Kontakt${BOLD_CLOSE} Franziska Sahr, f.sahr@example.de KWB Berlin Simone Schöttmer, s@example.org IQIB`;
    expect(findContacts(line)).toEqual([
      { name: 'Franziska Sahr', organization: 'KWB Berlin', email: 'f.sahr@example.de' },
      { name: 'Simone Schöttmer', organization: 'IQIB', email: 's@example.org' },
    ]);
  });

  it('reads titles and an organization in brackets, and lists an address once', () => {
    expect(findContacts('Dr. Anna Beispiel (Stadt Musterstadt): anna@musterstadt.de\nnochmal anna@musterstadt.de')).toEqual([
      { name: 'Dr. Anna Beispiel', organization: 'Stadt Musterstadt', email: 'anna@musterstadt.de' },
    ]);
    expect(findContacts('Fragen an info@example.org.')).toEqual([{ name: 'info@example.org', email: 'info@example.org' }]);
  });

  it('skips what only looks like an address, so the drafted program stays valid', () => {
    expect(findContacts('-@-.AA')).toEqual([]);
    expect(findContacts('Kontakt: -@-.AA oder info@example.org')).toEqual([{ name: 'info@example.org', email: 'info@example.org' }]);
  });
});

describe('findCounts beside counts of one format', () => {
  it('reads "viermal online, einmal vor Ort" as parts of the whole count, and a count of one format alone as the whole', () => {
    expect(findCounts('Wir treffen uns 2027 insgesamt fünfmal, viermal online und einmal vor Ort.').map((c) => c.value)).toEqual([5]);
    expect(findCounts('Es gibt vier virtuelle Termine, zusammen fünf Termine.').map((c) => c.value)).toEqual([5]);
    expect(findCounts('We meet three times online.').map((c) => c.value)).toEqual([3]);
    // Two counts of the whole series still contradict each other.
    expect(findCounts('Die Reihe umfasst fünf Termine. Alle sechs Termine finden online statt.').map((c) => c.value)).toEqual([5, 6]);
  });
});
