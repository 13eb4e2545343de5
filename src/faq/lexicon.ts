// The lexicon: which words count as the same term. Two sources:
//  - general concepts of German and English that any program's questions use (cost, recording, contact,
//    format, duration, registration, sessions, ...), so "Kostet die Teilnahme etwas?" meets "Die Teilnahme ist
//    kostenlos" and "Is the meeting recorded?" meets "Die Treffen werden aufgezeichnet";
//  - the program's own synonyms from its faq.yaml (`synonyms: [[Schwammstadt, sponge city], ...]`), because
//    topic vocabulary belongs to the content, not the code.
// A group may hold phrases ("sponge city", "vor Ort"); the tokenizer turns a phrase into one token.
import { editDistance, foldUmlauts, lower, stem, STOPWORDS, words } from './german.js';
import { BILINGUAL, COUNTRIES } from './bilingual.js';

// General concept groups. Only words whose everyday meaning in a question about a course, workshop or
// meeting series is that concept; the first entry names the group.
const CONCEPTS: string[][] = [
  ['kosten', 'kostet', 'reisekosten', 'kostenlos', 'kostenfrei', 'kostenpflichtig', 'gebühr', 'gebühren', 'teilnahmegebühr', 'preis', 'preise', 'gratis', 'unentgeltlich', 'entgelt', 'bezahlen', 'bezahlt', 'zahlen', 'zahlt', 'zahle', 'gezahlt', 'gekostet', 'erstattet', 'erstattung', 'erstatten', 'reimbursed', 'reimbursement', 'reimburse', 'refund', 'cost', 'costs', 'free of charge', 'free', 'fee', 'fees', 'price', 'charge', 'pay', 'paid'],
  ['aufzeichnung', 'aufzeichnungen', 'aufgezeichnet', 'aufzeichnen', 'aufgenommen', 'mitschnitt', 'mitschnitte', 'mitgeschnitten', 'aufnahmen', 'videoaufzeichnung', 'videos', 'gefilmt', 'filmen', 'recording', 'recordings', 'recorded', 'record'],
  ['kontakt', 'kontakte', 'kontaktieren', 'kontaktperson', 'ansprechpartner', 'ansprechpartnerin', 'ansprechpartnerinnen', 'ansprechpartnern', 'ansprechperson', 'ansprechpersonen', 'contact', 'contacts', 'contact person'],
  ['email', 'e-mail', 'mail', 'mailadresse', 'emailadresse', 'e-mail-adresse', 'email address'],
  ['format', 'online', 'virtuell', 'virtuelle', 'virtuellen', 'virtuelles', 'virtual', 'virtually', 'remote', 'präsenz', 'präsenztermin', 'präsenztag', 'präsenzveranstaltung', 'hybrid', 'vor ort', 'in person', 'on site', 'onsite'],
  // The tool a virtual session runs on: answered by the sentence that names one ("Die Termine finden in Webex statt").
  ['plattform', 'plattformen', 'platform', 'platforms', 'software', 'tool', 'tools', 'videotool', 'videokonferenz', 'videokonferenzen', 'videokonferenzsystem', 'videokonferenzsoftware', 'videoplattform', 'konferenzsystem', 'konferenztool', 'video tool', 'video platform', 'video conferencing', 'videoconferencing', 'conferencing tool', 'zoom', 'webex', 'microsoft teams', 'ms teams', 'jitsi', 'bigbluebutton', 'gotomeeting', 'skype', 'google meet'],
  // Whether something must be installed is answered by where it runs ("läuft im Browser", "desktop app").
  ['installieren', 'installiert', 'installation', 'install', 'installed', 'installing', 'herunterladen', 'download', 'browser', 'browsers'],
  ['dauer', 'dauert', 'dauern', 'wie lange', 'wie lang', 'wie schnell', 'how long', 'how fast', 'how quickly', 'duration', 'minuten', 'stunden', 'minutes', 'hours', 'tage', 'wochen', 'monate', 'days', 'weeks', 'months'],
  ['anmeldung', 'anmelden', 'melde', 'melden', 'anmeldungen', 'anmeldeschluss', 'anmeldefrist', 'registrierung', 'registrieren', 'register', 'registration', 'sign up', 'signup', 'einschreiben'],
  ['auftakt', 'auftaktveranstaltung', 'auftakttreffen', 'kickoff', 'kick off', 'eröffnung', 'opening', 'launch'],
  ['abschluss', 'abschlusstreffen', 'abschlussveranstaltung', 'abschlusssitzung', 'closing', 'wrap up'],
  ['termin', 'termine', 'terminen', 'treffen', 'sitzung', 'sitzungen', 'session', 'sessions', 'meeting', 'meetings', 'veranstaltung', 'veranstaltungen', 'appointment', 'appointments', 'event', 'events'],
  ['veranstalter', 'veranstalterin', 'organisator', 'organisatoren', 'organisatorin', 'organiser', 'organisers', 'organizer', 'organizers', 'organisiert', 'organisieren', 'veranstaltet', 'organises', 'organizes', 'host', 'hosts', 'hosted'],
  ['teilnahme', 'teilnehmen', 'teilnimmt', 'besuchen', 'teilnehmende', 'teilnehmenden', 'teilnehmer', 'teilnehmerin', 'teilnehmerinnen', 'participation', 'participate', 'participants', 'participant', 'attend', 'attends', 'attended', 'attendance', 'attendees', 'join', 'joining', 'mitmachen', 'take part', 'takes part', 'took part', 'taking part', 'dabei sein', 'dabei sind', 'dabei ist'],
  ['dienst', 'dienste', 'dienstleistung', 'dienstleistungen', 'service', 'services'],
  ['wochentag', 'wochentage', 'weekday', 'weekdays', 'day of the week'],
  ['unterlagen', 'folien', 'präsentation', 'präsentationen', 'handout', 'slides', 'materials', 'documents'],
  ['voraussetzung', 'voraussetzungen', 'vorkenntnisse', 'vorwissen', 'grundwissen', 'prior knowledge', 'previous knowledge', 'background knowledge', 'requirements', 'prerequisites', 'prerequisite'],
  ['sprache', 'sprachen', 'language', 'languages'],
  ['reihe', 'series', 'programme', 'program', 'programm'],
  ['frage', 'fragen', 'question', 'questions'],
  ['ziel', 'ziele', 'goal', 'goals', 'aim', 'aims', 'objective', 'objectives'],
  ['beispiel', 'beispiele', 'example', 'examples'],
  ['ergebnis', 'ergebnisse', 'result', 'results', 'outcome', 'outcomes'],
  ['zertifikat', 'zertifikate', 'teilnahmebescheinigung', 'bescheinigung', 'teilnahmebestätigung', 'teilnahmezertifikat', 'confirmation of attendance', 'certificate of attendance', 'certificate of participation', 'attendance certificate', 'participation certificate', 'certificate', 'certificates'],
  ['frist', 'fristen', 'deadline', 'deadlines', 'stichtag', 'spätestens', 'anmeldeschluss', 'anmeldefrist', 'einsendeschluss', 'bewerbungsschluss', 'due date', 'last day to', 'last day for', 'letzter tag für', 'close', 'closes', 'closing date'],
  ['anreise', 'anfahrt', 'reisekosten', 'fahrt', 'fahrtkosten', 'reise', 'trip', 'journey', 'travel', 'travelling', 'traveling', 'directions', 'getting there'],
  // How much of something (a budget, a saving, a fee): answered by an amount, not by the thing's name.
  // ("wie viel" stays out: "Um wie viel Uhr ...?" asks for a time.)
  ['betrag', 'beträge', 'summe', 'höhe', 'wie hoch', 'geld', 'how high', 'amount', 'money'],
  // Who a series is for: "Für wen ist die Reihe gedacht?" meets "Die Reihe richtet sich an ..." and "Für wen?".
  ['zielgruppe', 'zielgruppen', 'für wen', 'gedacht', 'richtet sich', 'richten sich', 'wendet sich', 'target group', 'audience', 'who is it for', 'intended', 'aimed'],
  // Someone else attending in one's place.
  ['vertretung', 'stellvertretung', 'vertreten', 'vertritt', 'vertreter', 'vertreterin', 'einspringen', 'an meiner stelle', 'an ihrer stelle', 'in your place', 'in my place', 'instead of me', 'substitute', 'stand in', 'deputy'],
  // A change of a figure, either way: the question asks "gesunken?", the material says "fell by 18%" or "von 21
  // auf 9 Tage gesunken"; the fact asked for is the change, whatever its direction.
  ['veränderung', 'verändert', 'gesunken', 'sinken', 'sinkt', 'sank', 'gesenkt', 'zurückgegangen', 'zurückgehen', 'rückgang', 'gestiegen', 'steigen', 'steigt', 'stieg', 'anstieg', 'gewachsen', 'reduziert', 'verringert', 'verkürzt', 'halbiert', 'verdoppelt', 'schneller', 'langsamer', 'gespart', 'spart', 'sparen', 'einsparung', 'ersparnis', 'change', 'changed', 'rose', 'risen', 'fell', 'dropped', 'increased', 'decreased', 'reduced', 'doubled', 'halved', 'faster', 'slower', 'saved', 'saves', 'savings'],
  // A share asked for ("Um wieviel Prozent ...?"): answered by a percentage, like a change.
  // ("share" alone also means to pass on slides; as "what share of" it asks for a part of a whole.)
  ['prozent', 'prozentsatz', 'percent', 'percentage', 'what share', 'which share', 'what proportion', 'welcher anteil', 'wie hoch ist der anteil', 'wie groß ist der anteil'],
  // Being unable to come ("wenn ich verhindert bin", "If you cannot attend").
  ['verhinderung', 'verhindert', 'abwesend', 'abwesenheit', 'cannot attend', 'cannot come', 'unable to attend', 'absent', 'absence'],
  // Where and when something began ("Die Idee entstand 1989 in ...").
  ['ursprung', 'entstanden', 'entstand', 'entstehung', 'erfunden', 'erfand', 'origin', 'originated', 'invented'],
  ['parkplatz', 'parkplätze', 'parkmöglichkeit', 'parkmöglichkeiten', 'stellplatz', 'stellplätze', 'parkraum', 'parkhaus', 'parkgebühr', 'parkgebühren', 'parking'],
  ['entfernung', 'entfernt', 'weit', 'distance', 'far'],
  ['unterkunft', 'übernachtung', 'hotel', 'accommodation'],
  ['führung', 'besichtigung', 'begehung', 'ortsbegehung', 'rundgang', 'spaziergang', 'stadtspaziergang', 'stadtrundgang', 'tour', 'site visit', 'walking tour', 'walk', 'town walk', 'city walk'],
  ['vortrag', 'vorträge', 'impulsvortrag', 'impulsreferat', 'impulsreferate', 'inputreferat', 'inputreferate', 'talk', 'talks', 'keynote', 'lecture'],
  ['referent', 'referentin', 'referenten', 'referentinnen', 'vortragende', 'referiert', 'referieren', 'präsentiert', 'präsentieren', 'moderiert', 'moderation', 'moderator', 'moderatorin', 'speaker', 'speakers', 'presents', 'presenter', 'moderates'],
  ['workshop', 'workshops', 'werkstatt', 'werkstätten'],
  ['austausch', 'erfahrungsaustausch', 'exchange'],
  ['kommune', 'kommunen', 'gemeinde', 'gemeinden', 'gde', 'gmd', 'municipality', 'municipalities', 'local authority', 'local authorities'],
  ['anzahl', 'zahl', 'max', 'maximal', 'maximale', 'maximum', 'höchstens', 'höchstzahl', 'begrenzt', 'limit', 'limited', 'at most', 'wie oft', 'how often', 'how many times', 'number of'],
  ['tag', 'day'],
  ['woche', 'week'],
  ['monat', 'month'],
  ['jahr', 'jahre', 'year', 'years'],
  ['ort', 'raum', 'location', 'room', 'venue'],
  ['adresse', 'anschrift', 'address'],
  ['telefon', 'telefonnummer', 'tel', 'telnr', 'telefonnr', 'handynr', 'mobilnr', 'telefonisch', 'handy', 'handynummer', 'mobilnummer', 'rufnummer', 'phone', 'telephone', 'phone number', 'telephone number', 'mobile number', 'cell phone', 'unter welcher nummer'],
];

/** Longest phrase the tokenizer looks for, in words. */
const MAX_PHRASE_WORDS = 4;

export class Lexicon {
  /** Folded surface form (word or phrase) -> canonical terms (a word may belong to two groups). */
  private readonly surface = new Map<string, string[]>();
  /** Folded stem of a one-word entry -> canonical terms (so inflected forms join their group). */
  private readonly stems = new Map<string, string[]>();
  private readonly phrases = new Set<string>();
  /** The first word of every phrase. */
  private readonly phraseStarts = new Set<string>();
  private readonly typos = new Map<string, string[] | undefined>();
  /** Keys of entries written with an umlaut: a word written with one is only such an entry ("zählt" counts, "zahlt" pays). */
  private readonly umlautKeys = new Set<string>();
  /** Every one-word entry, for the compound splitter's vocabulary. */
  readonly entries: string[] = [];

  /**
   * `seriesWords` are the words by which a program calls itself ("Erfahrungsaustausch", "peer exchange"): in its
   * questions they name the series, before any other meaning they have ("Was kostet der Austausch?").
   */
  constructor(groups: readonly (readonly string[])[] = [], seriesWords: readonly string[] = []) {
    if (seriesWords.length) this.addGroup(['reihe', ...seriesWords]);
    for (const group of [...CONCEPTS, ...BILINGUAL, ...COUNTRIES, ...groups]) this.addGroup(group);
  }

  private addGroup(group: readonly string[]): void {
    // Each key beside its written form: whether it was written with an umlaut decides what it joins.
    const written = group.map((g) => ({ k: key(g), umlaut: UMLAUT.test(lower(g)) })).filter((w) => w.k);
    const keys = written.map((w) => w.k);
    if (keys.length < 2) return;
    // A program's group that shares a word with an existing group joins it (its canonical term wins).
    const first = keys.find((k) => !k.includes(' ')) ?? keys[0]!;
    // A program's group that shares its first word with an existing group joins it.
    const canonical = this.surface.get(first)?.[0] ?? (first.includes(' ') ? first : stem(first));
    const addTo = (map: Map<string, string[]>, k: string) => {
      const list = map.get(k) ?? [];
      if (!list.includes(canonical)) map.set(k, [...list, canonical]);
    };
    for (const [i, k] of keys.entries()) {
      addTo(this.surface, k);
      if (written[i]!.umlaut) this.umlautKeys.add(k);
      if (k.includes(' ')) {
        this.phrases.add(k);
        this.phraseStarts.add(k.split(' ')[0]!);
      }
      else {
        this.entries.push(k);
        // A stem of three letters joins unrelated words ("notes" and German "Note", a grade).
        if (k.length >= 4 && stem(k).length >= 4) addTo(this.stems, stem(k));
      }
    }
  }

  /** The canonical terms of a word or phrase, when groups hold it. */
  lookupAll(input: string): string[] | undefined {
    const k = key(input);
    // A word written with an umlaut is not the entry written without one ("zählt" counts, "zahlt" pays). A word
    // whose folded form is no entry goes on to the stems below, so a plural with an umlaut joins its singular
    // by stem ("Räume" joins "Raum") unless an entry without the umlaut is spelt like it.
    if (UMLAUT.test(lower(input)) && this.surface.has(k) && !this.umlautKeys.has(k)) return undefined;
    const direct = this.surface.get(k);
    // A stop word joins no group by its stem ("sich" is no "Sicherheit").
    if (direct !== undefined || k.includes(' ') || k.length < 4 || STOPWORDS.has(k)) return direct;
    return this.stems.get(stem(k));
  }

  /**
   * The terms of the one-word entry a single edit away from the word (same first letter), when all such
   * entries lead to the same terms: "anmeldeschlus" is "anmeldeschluss", "zertifkat" is "zertifikat".
   * Remembered per word; the engine asks only for long words that neither material nor lexicon know.
   */
  lookupTypo(input: string): string[] | undefined {
    const k = key(input);
    if (this.typos.has(k)) return this.typos.get(k);
    let found: string[] | undefined;
    let ambiguous = false;
    for (const entry of this.entries) {
      if (entry[0] !== k[0] || Math.abs(entry.length - k.length) > 1 || editDistance(k, entry, 1) > 1) continue;
      const terms = this.surface.get(entry)!;
      if (found && found.join('|') !== terms.join('|')) ambiguous = true;
      found = terms;
    }
    const result = ambiguous ? undefined : found;
    this.typos.set(k, result);
    return result;
  }

  /** The first group's term of a word or phrase. */
  lookup(input: string): string | undefined {
    return this.lookupAll(input)?.[0];
  }

  /** Words of a text, with the lexicon's phrases joined into one token ("sponge city", "vor ort"). */
  tokens(text: string): string[] {
    const list = words(text);
    if (!this.phrases.size) return list;
    // Each word is folded once, and a phrase is looked for only where a phrase can start: this runs on every
    // sentence of every candidate passage.
    const folded = list.map((w) => foldUmlauts(w));
    const out: string[] = [];
    for (let i = 0; i < list.length; i++) {
      let taken = 1;
      if (this.phraseStarts.has(folded[i]!)) {
        for (let n = Math.min(MAX_PHRASE_WORDS, list.length - i); n >= 2; n--) {
          if (this.phrases.has(folded.slice(i, i + n).join(' '))) {
            out.push(list.slice(i, i + n).join(' '));
            taken = n;
            break;
          }
        }
      }
      if (taken === 1) out.push(list[i]!);
      i += taken - 1;
    }
    return out;
  }
}

const UMLAUT = /[äöü]/;

/** Lower-case, umlauts folded, words joined by single spaces ("E-Mail" -> "e mail"). */
function key(text: string): string {
  return words(text).map((w) => foldUmlauts(lower(w))).join(' ');
}

/**
 * The words a program's title and subtitle call it by besides "Reihe"/"series": an exchange ("Austausch",
 * "exchange", a compound ending in "austausch"), with the other language's word, so that a question in either
 * names the series.
 */
export function seriesSelfWords(titles: string): string[] {
  const found = words(titles).map((w) => foldUmlauts(lower(w))).filter((w) => /austausch$/.test(w) || w === 'exchange');
  return found.length ? [...new Set(['austausch', 'exchange', ...found])] : [];
}

/** The lexicon of general concepts only (no program synonyms). */
export const GENERAL_LEXICON = new Lexicon();
