// A general German-English word list for questions asked in the other language than the material's
// ("Is there an interpreter?" on German material, "Bekommen wir eine Zusammenfassung?" on English material).
// Everyday and administrative words, as any program about a course, a meeting series or municipal work uses
// them, and the general words of a town's people, places, services and procedures (children, owners, streets,
// libraries, permits, a share); a program's own terms of art belong in its faq.yaml synonyms. A German word that
// has synonyms of its own stays out of a group here: the group would hide them from the noun thesaurus
// („Haltestelle“ finds „Haltepunkt“ there). Each group is one term (lexicon.ts):
// German forms first, then English. Inflected forms join by their stem, so one form of each word mostly
// suffices.
import { foldLoose } from '../text/index.js';

export const BILINGUAL: string[][] = [
  // people and organisations
  ['mitglied', 'mitglieder', 'mitgliedschaft', 'member', 'members', 'membership'],
  ['stadt', 'städte', 'city', 'cities', 'town', 'towns'],
  ['verwaltung', 'verwaltungen', 'administration', 'administrations'],
  ['bürger', 'bürgerin', 'bürgerinnen', 'bürgerschaft', 'bevölkerung', 'einwohner', 'einwohnerinnen', 'citizen', 'citizens', 'residents', 'population', 'inhabitants'],
  ['mitarbeitende', 'mitarbeiter', 'mitarbeiterin', 'beschäftigte', 'personal', 'staff', 'employees', 'employee'],
  ['leitung', 'leiter', 'leiterin', 'leitet', 'lead', 'leads', 'head', 'manager', 'in charge'],
  ['kollege', 'kollegin', 'kollegen', 'kolleginnen', 'colleague', 'colleagues'],
  ['person', 'personen', 'persons', 'people', 'folks'],
  ['partner', 'partnerin', 'partnerschaft', 'partners', 'partnership'],
  ['land', 'länder', 'country', 'countries'],
  ['bund', 'bundesregierung', 'federal government'],
  ['behörde', 'behörden', 'amt', 'ämter', 'authority', 'authorities', 'office', 'agency'],
  ['haushalt', 'haushalte', 'household', 'households', 'budget'],
  // weekdays and months (not "Mai"/"may": the English modal would become a month)
  ['montag', 'montags', 'monday', 'mondays'],
  ['dienstag', 'dienstags', 'tuesday', 'tuesdays'],
  ['mittwoch', 'mittwochs', 'wednesday', 'wednesdays'],
  ['donnerstag', 'donnerstags', 'thursday', 'thursdays'],
  ['freitag', 'freitags', 'friday', 'fridays'],
  ['samstag', 'samstags', 'sonnabend', 'saturday', 'saturdays'],
  ['sonntag', 'sonntags', 'sunday', 'sundays'],
  ['januar', 'january'],
  ['februar', 'february'],
  ['märz', 'march'],
  ['juni', 'june'],
  ['juli', 'july'],
  ['oktober', 'october'],
  ['dezember', 'december'],
  // interpreting, language, documents
  ['dolmetscher', 'dolmetscherin', 'dolmetschen', 'gedolmetscht', 'verdolmetscht', 'verdolmetschung', 'simultanverdolmetschung', 'übersetzung', 'übersetzt', 'interpreter', 'interpreters', 'interpretation', 'interpreting', 'translation', 'translated'],
  ['deutsch', 'deutsche', 'deutschen', 'german'],
  ['englisch', 'english'],
  ['zusammenfassung', 'kurzfassung', 'summary', 'summaries', 'abstract'],
  ['protokoll', 'protokolle', 'meeting minutes', 'notes'],
  ['bericht', 'berichte', 'report', 'reports'],
  ['leitfaden', 'handbuch', 'anleitung', 'guide', 'guideline', 'guidelines', 'manual', 'handbook'],
  ['vorlage', 'vorlagen', 'template', 'templates'],
  ['formular', 'formulare', 'form', 'forms'],
  ['antrag', 'anträge', 'beantragen', 'application', 'applications', 'apply'],
  ['bewerbung', 'bewerben', 'bewerbungen', 'apply for'],
  ['steckbrief', 'profil', 'profile', 'fact sheet'],
  ['konto', 'zugang', 'account', 'access'],
  ['eigen', 'eigene', 'eigenes', 'eigenen', 'eigener', 'own'],
  ['link', 'links', 'einwahllink', 'einwahl', 'dial in', 'join link'],
  ['kanal', 'channel', 'channels'],
  ['website', 'webseite', 'internetseite', 'homepage', 'web page'],
  // time and availability
  ['verfügbar', 'erhältlich', 'abrufbar', 'available', 'availability'],
  ['bleiben', 'bleibt', 'stay', 'stays', 'remain', 'remains'],
  ['pause', 'pausen', 'break', 'breaks'],
  ['beginn', 'anfang', 'anfangen', 'anfängt', 'beginnt', 'starten', 'startet', 'start', 'starts', 'begin', 'begins'],
  ['ende', 'endet', 'end', 'ends', 'finish'],
  ['uhrzeit', 'uhrzeiten', 'time', 'times'],
  ['zeitzone', 'time zone'],
  ['morgen', 'vormittag', 'morning'],
  ['nachmittag', 'afternoon'],
  ['abend', 'evening'],
  ['heute', 'today'],
  ['vorher', 'vorab', 'beforehand', 'in advance'],
  ['danach', 'anschließend', 'afterwards', 'after the session'],
  ['absage', 'absagen', 'abmelden', 'abmeldung', 'verpassen', 'verpasst', 'cancel', 'cancellation', 'miss', 'missed', 'unable to attend'],
  ['verschoben', 'verschieben', 'verlegt', 'postponed', 'rescheduled', 'moved'],
  // travel and place
  ['bahnhof', 'station', 'train station'],
  ['bahn', 'zug', 'train', 'rail'],
  ['bus', 'buses'],
  ['auto', 'car'],
  ['fahrrad', 'bike', 'bicycle'],
  ['eingang', 'entrance'],
  ['gebäude', 'building'],
  ['stockwerk', 'etage', 'stock', 'floor'],
  ['saal', 'sitzungssaal', 'hall', 'meeting room'],
  ['rathaus', 'town hall', 'city hall'],
  ['barrierefrei', 'barrierefreiheit', 'rollstuhl', 'accessible', 'accessibility', 'wheelchair'],
  ['essen', 'verpflegung', 'mittagessen', 'catering', 'lunch', 'food', 'meals'],
  ['getränke', 'kaffee', 'drinks', 'coffee'],
  // money
  ['rechnung', 'rechnungen', 'invoice', 'invoices', 'bill'],
  ['förderung', 'fördermittel', 'zuschuss', 'funding', 'grant', 'grants', 'subsidy', 'funded'],
  ['million', 'millionen', 'millions'],
  ['euro', 'eur', 'euros'],
  ['prozent', 'percent', 'per cent'],
  // participation
  // "places" alone are also sites to visit; counted, they are seats, and still the material's "places".
  ['platz', 'plätze', 'seat', 'seats', 'spot', 'spots', 'how many places', 'number of places', 'places available', 'places are limited', 'wie viele plätze', 'wieviele plätze', 'anzahl der plätze'],
  ['places', 'how many places', 'number of places', 'places available', 'places are limited', 'wie viele plätze', 'wieviele plätze', 'anzahl der plätze'],
  ['gruppe', 'gruppen', 'kleingruppe', 'kleingruppen', 'group', 'groups', 'breakout'],
  ['bestätigung', 'bestätigt', 'confirmation', 'confirmed'],
  ['einladung', 'einladen', 'invitation', 'invite', 'invited'],
  ['warteliste', 'waiting list'],
  ['kamera', 'camera', 'webcam'],
  ['mikrofon', 'headset', 'microphone'],
  ['rechner', 'computer', 'laptop'],
  ['browser', 'browsers'],
  ['app', 'anwendung', 'application software'],
  ['aufgabe', 'aufgaben', 'hausaufgabe', 'hausaufgaben', 'task', 'tasks', 'homework', 'assignment', 'assignments'],
  ['begrüßung', 'begrüßt', 'begrüßen', 'willkommen heißen', 'welcome', 'welcomes', 'greeting'],
  ['anbindung', 'anbinden', 'angebunden', 'schnittstelle', 'schnittstellen', 'connect', 'connecting', 'connection', 'interface', 'interfaces'],
  ['schulung', 'schulungen', 'geschult', 'training', 'trained'],
  ['vorbereitung', 'vorbereiten', 'mitbringen', 'mitnehmen', 'preparation', 'prepare', 'bring'],
  ['erfahrung', 'erfahrungen', 'experience', 'experiences'],
  ['lernen', 'lernt', 'learn', 'learning'],
  ['praxisbeispiel', 'praxisbeispiele', 'fallbeispiel', 'case study', 'case studies', 'practice example'],
  ['projekt', 'projekte', 'project', 'projects'],
  ['pilot', 'pilotprojekt', 'pilotphase', 'pilot project'],
  ['abgebrochen', 'eingestellt', 'beendet', 'abgesagt', 'ausgefallen', 'entfällt', 'entfallen', 'stopped', 'discontinued', 'ended', 'cancelled', 'canceled'],
  ['schreiben', 'schreibe', 'write', 'writes', 'writing', 'email me'],
  ['fragen stellen', 'nachfragen', 'ask', 'asking'],
  // topics of general administrative life
  ['datenschutz', 'data protection', 'privacy'],
  ['sicherheit', 'security', 'safety'],
  ['daten', 'data'],
  ['digitalisierung', 'digitalisation', 'digitalization'],
  ['hitze', 'hitzewelle', 'heat', 'heatwave', 'heat wave'],
  ['hochwasser', 'überschwemmung', 'flood', 'floods', 'flooding'],
  ['stromausfall', 'blackout', 'power outage', 'power cut'],
  ['notfall', 'notfälle', 'emergency', 'emergencies'],
  ['krise', 'krisen', 'crisis', 'crises'],
  ['klima', 'climate'],
  ['energie', 'energy'],
  ['wärme', 'heizung', 'heating', 'heat supply'],
  ['wasser', 'water'],
  ['verkehr', 'traffic', 'transport'],
  ['gesundheit', 'health'],
  ['schule', 'schulen', 'school', 'schools'],
  ['anlage', 'anlagen', 'werk', 'plant', 'facility'],
  ['versorgt', 'versorgen', 'versorgung', 'supply', 'supplies', 'supplied'],
  ['gebiet', 'gebiete', 'area', 'areas', 'district', 'districts'],
  ['gesetz', 'gesetze', 'law', 'laws', 'act'],
  ['recht', 'rechtlich', 'legal'],
  ['regel', 'regeln', 'regelung', 'rule', 'rules', 'regulation'],
  ['kategorie', 'kategorien', 'stufe', 'stufen', 'category', 'categories', 'level', 'levels'],
  ['farbe', 'farben', 'colour', 'color'],
  ['rot', 'red'],
  ['gelb', 'yellow'],
  ['grün', 'green'],
  ['ampel', 'traffic light'],
  ['werkzeug', 'werkzeuge'],
  ['kosten sparen', 'einsparung', 'einsparungen', 'gespart', 'spart', 'sparen', 'eingespart', 'savings', 'save', 'saves', 'saved'],
  ['rückgang', 'zurückgegangen', 'gesunken', 'gesenkt', 'decrease', 'decreased', 'fell', 'dropped', 'reduced', 'reduction'],
  ['anstieg', 'gestiegen', 'increase', 'increased', 'rose'],
  ['letztes jahr', 'vorjahr', 'last year', 'previous year'],
  ['ersatztermin', 'ersatztermine', 'nachholtermin', 'ersatz', 'replacement', 'replacement date', 'replacement session', 'make-up session', 'rescheduled session'],
  // people and bodies of municipal work
  ['kind', 'kinder', 'child', 'children', 'childrens', 'kids'],
  ['jugendliche', 'jugendlichen', 'jugend', 'youth', 'young people', 'teenagers'],
  ['eltern', 'parents'],
  ['senioren', 'seniorinnen', 'ältere menschen', 'older people', 'seniors', 'elderly'],
  ['eigentümer', 'eigentümerin', 'eigentümerinnen', 'eigentümern', 'owner', 'owners', 'property owner', 'property owners', 'landlord', 'landlords'],
  ['mieter', 'mieterin', 'mieterinnen', 'mietern', 'tenant', 'tenants'],
  ['ehrenamtliche', 'ehrenamtlichen', 'freiwillige', 'freiwilligen', 'volunteer', 'volunteers', 'volunteering'],
  ['feuerwehr', 'fire brigade', 'fire service', 'fire department', 'firefighters'],
  ['polizei', 'police'],
  ['gemeinderat', 'stadtrat', 'council', 'municipal council', 'city council'],
  ['unternehmen', 'firma', 'firmen', 'betrieb', 'betriebe', 'company', 'companies', 'business', 'businesses'],
  ['besucher', 'besucherin', 'besucherinnen', 'besuchern', 'gäste', 'visitor', 'visitors', 'guests'],
  ['architekt', 'architektin', 'architekten', 'architect', 'architects'],
  // places and things of a town
  ['straße', 'straßen', 'street', 'streets', 'road', 'roads'],
  ['spielplatz', 'spielplätze', 'playground', 'playgrounds'],
  ['friedhof', 'friedhöfe', 'cemetery', 'cemeteries', 'graveyard'],
  ['bibliothek', 'bibliotheken', 'bücherei', 'library', 'libraries'],
  ['markt', 'märkte', 'market', 'markets'],
  ['innenstadt', 'stadtzentrum', 'zentrum', 'town centre', 'city centre', 'downtown'],
  ['hafen', 'port', 'harbour', 'harbor'],
  ['schwimmbad', 'hallenbad', 'freibad', 'swimming pool', 'pool'],
  ['kita', 'kitas', 'kindertagesstätte', 'kindergarten', 'daycare', 'day care', 'nursery'],
  ['krankenhaus', 'klinik', 'hospital', 'hospitals'],
  ['museum', 'museen', 'museums'],
  ['sportplatz', 'sporthalle', 'sports ground', 'sports hall', 'gym'],
  ['kläranlage', 'sewage plant', 'wastewater treatment plant'],
  ['abwasser', 'wastewater', 'sewage'],
  ['wald', 'wälder', 'forest', 'forests', 'woods'],
  ['fluss', 'flüsse', 'river', 'rivers'],
  ['brücke', 'brücken', 'bridge', 'bridges'],
  ['radweg', 'radwege', 'cycle path', 'cycle paths', 'bike lane', 'bike lanes'],
  ['gehweg', 'gehwege', 'bürgersteig', 'pavement', 'sidewalk', 'sidewalks'],
  ['parkplatz', 'parkplätze', 'car park', 'parking lot', 'parking'],
  ['baum', 'bäume', 'tree', 'trees'],
  ['abfall', 'abfälle', 'müll', 'waste', 'rubbish', 'garbage', 'trash'],
  ['strom', 'elektrizität', 'electricity'],
  ['beleuchtung', 'lighting'],
  ['lampe', 'lampen', 'leuchte', 'leuchten', 'lamp', 'lamps'],
  ['fahrzeug', 'fahrzeuge', 'vehicle', 'vehicles'],
  ['wohnung', 'wohnungen', 'wohnraum', 'housing', 'apartment', 'apartments'],
  ['miete', 'mieten', 'rent', 'rents'],
  ['geschäft', 'geschäfte', 'shop', 'shops'],
  ['lärm', 'noise'],
  ['luft', 'air'],
  ['sturm', 'unwetter', 'storm', 'storms'],
  ['schaden', 'schäden', 'damage', 'damages'],
  ['warnung', 'warnungen', 'warnmeldung', 'warning', 'warnings', 'alert', 'alerts'],
  ['übung', 'übungen', 'exercise', 'exercises', 'drill', 'drills'],
  ['tourismus', 'tourism'],
  ['gesundheit', 'health'],
  ['netzwerk', 'netzwerke', 'network', 'networks'],
  ['beratung', 'beratungen', 'erstberatung', 'consultation', 'consultations', 'counselling', 'counseling'],
  ['wahlbeteiligung', 'stimmbeteiligung', 'turnout', 'voter turnout'],
  ['mindestens', 'minimum'],
  // files, rules and procedures
  ['genehmigung', 'genehmigungen', 'erlaubnis', 'permit', 'permits', 'permission'],
  ['beschwerde', 'beschwerden', 'complaint', 'complaints'],
  ['prüfung', 'prüfungen', 'kontrolle', 'kontrollen', 'inspection', 'inspections', 'audit', 'audits'],
  ['steuer', 'steuern', 'tax', 'taxes'],
  ['vertrag', 'verträge', 'contract', 'contracts'],
  ['ausschreibung', 'ausschreibungen', 'tender', 'tenders', 'call for tenders'],
  // measures and figures
  ['anteil', 'anteile', 'proportion'],
  ['durchschnitt', 'durchschnittlich', 'average'],
  ['wartezeit', 'wartezeiten', 'waiting time', 'waiting times', 'wait'],
  ['gesammelt', 'sammeln', 'sammelt', 'collected', 'collect', 'collects'],
  ['gepflanzt', 'pflanzt', 'pflanzen', 'planted'],
  ['gebaut', 'bauen', 'baut', 'built', 'build', 'builds'],
  ['saniert', 'sanieren', 'sanierung', 'renovated', 'renovation', 'refurbished', 'refurbishment'],
  ['geöffnet', 'öffnungszeiten', 'opening hours', 'opens'],
  ['gebärdensprache', 'gebärdensprachdolmetschung', 'gebärdensprachdolmetscher', 'gebärdensprachdolmetscherin', 'gebärdendolmetscher', 'sign language', 'sign language interpreting', 'sign language interpretation', 'sign language interpreter'],
];

/** Every region of the runtime's Unicode data (ICU's CLDR) by its English name, lower case: [English, German]. */
const REGIONS: Map<string, [string, string]> = (() => {
  const de = new Intl.DisplayNames(['de'], { type: 'region' });
  const en = new Intl.DisplayNames(['en'], { type: 'region' });
  const regions = new Map<string, [string, string]>();
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const a of letters) {
    for (const b of letters) {
      const code = a + b;
      const [german, english] = [de.of(code), en.of(code)].map((n) => (n && n !== code && !/[,()]/.test(n) ? n.toLowerCase() : undefined));
      // Old codes name their successor again ("DD"): each country once.
      if (german && english && !regions.has(english)) regions.set(english, [english, german]);
    }
  }
  return regions;
})();

/**
 * Countries by their German and English names ("Neuseeland" / "New Zealand", "Kenia" / "Kenya"), from the
 * region names of the runtime's Unicode data: no list of our own. Names alike in both languages ("Japan") need
 * no group; names with a comma or parentheses are no words of a question.
 */
export const COUNTRIES: string[][] = (() => {
  // Germany stays out: „Deutschland“ meets „German“ through its part „deutsch“, which a group would hide.
  const home = new Intl.DisplayNames(['de'], { type: 'region' }).of('DE')!.toLowerCase();
  return [...REGIONS.values()].filter(([english, german]) => english !== german && german !== home).map(([english, german]) => [german, english]);
})();

/** By German name, also written without umlauts ("osterreich"). */
const REGIONS_BY_GERMAN: Map<string, [string, string]> = new Map([...REGIONS.values()].flatMap((names) => [[names[1], names] as const, [foldLoose(names[1]), names] as const]));

/**
 * A country's English and German names for either of its names ("india" or "indien": india, indien), lower
 * case; undefined for no country.
 */
export function countryNames(name: string): [string, string] | undefined {
  const key = name.toLowerCase();
  return REGIONS.get(key) ?? REGIONS_BY_GERMAN.get(key);
}
