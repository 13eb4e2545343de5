// Round 18: a table is read as rows, each row one statement that carries its columns' names. HTML and DOCX
// tables were read cell by cell (a figure on one line, the town it belongs to on another), and a PowerPoint
// table not at all. And a numbered or capitalised section title of a plain-text file heads its text when a blank
// line stands between them. Round 19: a list too long for one passage is cut between its items, and an item too
// long for one under its label. Invented program; each answer is checked against its neighbouring row or column.
import { describe, expect, it } from 'vitest';
import { temporaryContent } from '../../tests/harness/temp-content.js';
import { programYaml } from '../../tests/harness/content.js';
import { makeDocx, makePptx } from '../../scripts/faq-make-documents.js';
import { createFaqEngine } from './engine.js';
import { readMaterial } from './material.js';
import { ManualClock } from '../shared/clock.js';

const contentDir = temporaryContent('faq-table-rows-');

const program = programYaml([{ id: 'auftakt', title: 'Auftakt', date: '2027-04-06', start: '10:00', end: '11:30' }], { id: 'faehren', title: 'Fähren im Nahverkehr' });

const html = [
  '<html><body><h2>Case figures</h2>',
  '<table>',
  '<tr><th>Figure</th><th>Port Wenlock</th><th>Sandermünde</th></tr>',
  '<tr><td>Passengers per year</td><td>1.2 million</td><td>480,000</td></tr>',
  '<tr><td>Ferry maintenance per year</td><td><p>CAD 2.1 million</p></td><td>EUR 730,000, paid by the <b>Landkreis</b></td></tr>',
  '</table>',
  '<p>Both towns run their ferries all year.</p>',
  '</body></html>',
].join('\n');

const markdown = [
  '# Fahrplan',
  '',
  '| Linie | Werktags | Sonntags |',
  '| --- | --- | --- |',
  '| F1 Altstadt–Werft | alle 20 Minuten | stündlich |',
  '| F2 Werft–Strand | alle 30 Minuten | fährt nicht |',
  '',
  'Im Winter gilt ein eigener Fahrplan.',
  '',
].join('\n');

async function passages(files: Record<string, string | Buffer>) {
  const dir = await contentDir(files);
  return (await readMaterial(`${dir}/material`)).passages.map((p) => p.text);
}

describe('tables read as rows', () => {
  it('an HTML row is one statement whose values carry their columns’ names; text after the table stays its own', async () => {
    const texts = await passages({ 'material/zahlen.html': html });
    expect(texts).toContain('Figure | Port Wenlock | Sandermünde');
    expect(texts).toContain('Passengers per year | Port Wenlock: 1.2 million | Sandermünde: 480,000');
    expect(texts).toContain('Ferry maintenance per year | Port Wenlock: CAD 2.1 million | Sandermünde: EUR 730,000, paid by the Landkreis');
    expect(texts).toContain('Both towns run their ferries all year.');
    // No cell stands alone any more.
    expect(texts).not.toContain('480,000');
  });

  it('a Markdown table under a header row names its columns; one without a header keeps its plain rows', async () => {
    expect(await passages({ 'material/fahrplan.md': markdown })).toEqual([
      'Linie | Werktags | Sonntags',
      'F1 Altstadt–Werft | Werktags: alle 20 Minuten | Sonntags: stündlich',
      'F2 Werft–Strand | Werktags: alle 30 Minuten | Sonntags: fährt nicht',
      'Im Winter gilt ein eigener Fahrplan.',
    ]);
    const headless = ['| Linie F1 | 20 Minuten | stündlich |', '| Linie F2 | 30 Minuten | nie |', ''].join('\n');
    expect(await passages({ 'material/takt.md': headless })).toEqual(['Linie F1 | 20 Minuten | stündlich', 'Linie F2 | 30 Minuten | nie']);
  });

  it('a two-column table keeps its rows as "key: value"', async () => {
    const fees = ['| Wer | Beitrag |', '| --- | --- |', '| Mitglieder | kostenfrei |', '| Gäste | 90 Euro |', ''].join('\n');
    expect(await passages({ 'material/beitrag.md': fees })).toEqual(['Wer: Beitrag', 'Mitglieder: kostenfrei', 'Gäste: 90 Euro']);
  });

  it('a PowerPoint table is read (it is no shape, and its text was lost), its first row as the header', async () => {
    const pptx = await makePptx([
      { title: 'Zwei Häfen', lines: ['Kennzahlen 2026'], table: [['Kennzahl', 'Port Wenlock', 'Sandermünde'], ['Fährschiffe', '6', '3'], ['Anleger', '11', '4']] },
    ]);
    const texts = await passages({ 'material/folien.pptx': pptx });
    expect(texts.join('\n')).toContain('Kennzahlen 2026');
    expect(texts.join('\n')).toContain('Fährschiffe | Port Wenlock: 6 | Sandermünde: 3');
    expect(texts.join('\n')).toContain('Anleger | Port Wenlock: 11 | Sandermünde: 4');
  });

  it('a Word table is read as rows, its header row naming the columns', async () => {
    const docx = await makeDocx(['# Zahlen', [['Kennzahl', 'Port Wenlock', 'Sandermünde'], ['Fährschiffe', '6', '3']], 'Stand: März 2027.']);
    const texts = await passages({ 'material/bericht.docx': docx });
    expect(texts.join('\n')).toContain('Fährschiffe | Port Wenlock: 6 | Sandermünde: 3');
    expect(texts.join('\n')).toContain('Stand: März 2027.');
  });
});

describe('answers from a table row', () => {
  it('a figure for the town the question names, from the row of the thing asked for', async () => {
    const dir = await contentDir({ 'program.yaml': program, 'material/zahlen.html': html, 'material/fahrplan.md': markdown });
    const engine = await createFaqEngine({ contentDir: dir, clock: new ManualClock('2027-03-01T08:00:00Z') });
    // The answer says which town each figure is for (read cell by cell, it listed the figures apart from the towns).
    const cost = engine.ask('How much is the ferry maintenance in Sandermünde per year?', { locale: 'en' });
    expect(cost.answered).toBe(true);
    expect(cost.answer).toContain('Sandermünde: EUR 730,000');
    const sunday = engine.ask('Wie oft fährt die F2 sonntags?');
    expect(sunday.answered).toBe(true);
    expect(sunday.answer).toContain('F2 Werft–Strand | Werktags: alle 30 Minuten | Sonntags: fährt nicht');
    // The table says nothing of staff.
    expect(engine.ask('How many ferry captains does Port Wenlock employ?', { locale: 'en' }).answered).toBe(false);
  });
});

describe('section titles of plain text', () => {
  const info = [
    'PRAKTISCHE HINWEISE',
    '',
    '1. Plattform',
    '',
    'Alle Termine finden in Microsoft Teams statt. Den Link erhalten Sie eine Woche vorher.',
    '',
    '2. Aufzeichnung',
    '',
    'Die Vorträge werden aufgezeichnet, die Gruppenarbeit nicht.',
    '',
    'MITBRINGEN',
    '',
    'Ein Headset und eine Frage aus Ihrer Gemeinde:',
    '',
    '1. Headset',
    '',
    '2. Eine Frage aus Ihrer Gemeinde zum Fährverkehr',
    '',
  ].join('\n');

  it('a numbered or capitalised title heads the text after a blank line; an item of a list does not head the next', async () => {
    const dir = await contentDir({ 'material/hinweise.txt': info });
    const read = (await readMaterial(`${dir}/material`)).passages.map((p) => [p.title, p.text]);
    expect(read).toContainEqual(['1. Plattform', 'Alle Termine finden in Microsoft Teams statt. Den Link erhalten Sie eine Woche vorher.']);
    expect(read).toContainEqual(['2. Aufzeichnung', 'Die Vorträge werden aufgezeichnet, die Gruppenarbeit nicht.']);
    expect(read).toContainEqual(['MITBRINGEN', 'Ein Headset und eine Frage aus Ihrer Gemeinde:']);
    // "1. Headset" is the first item of a list, not the title of the second.
    expect(read).toContainEqual(['MITBRINGEN', '1. Headset']);
    expect(read).toContainEqual(['MITBRINGEN', '2. Eine Frage aus Ihrer Gemeinde zum Fährverkehr']);
  });
});

describe('a long list', () => {
  const towns = [
    '## Die beiden Orte in Zahlen',
    '',
    '- **Port Wenlock:** rund 18.400 Einwohnerinnen und Einwohner, 1,2 Millionen Übernachtungen im Jahr 2025, an',
    '  Spitzentagen bis zu 42.000 Tagesgäste. Für die Insel gilt seit Dezember 2024 eine Obergrenze von 1.200',
    '  Besucherinnen und Besuchern am Tag. Die Tourismusabgabe beträgt 5 Reais pro Person und Nacht.',
    '- **Sandermünde:** rund 6.300 Einwohnerinnen und Einwohner, 890.000 Übernachtungen im Jahr 2025, am Spitzentag',
    '  11.500 Tagesgäste. Die Kurabgabe beträgt in der Hauptsaison 3,20 Euro pro Person und Nacht, in der',
    '  Nebensaison 1,80 Euro. Sie brachte 2025 rund 2,6 Millionen Euro ein. Der Ortskern ist seit 2023 autofrei.',
    '',
  ].join('\n');

  it('is cut between its items, so that each town keeps its figures', async () => {
    const texts = await passages({ 'material/orte.md': towns });
    expect(texts).toHaveLength(2);
    expect(texts[1]).toMatch(/^- Sandermünde: rund 6\.300 .* Die Kurabgabe beträgt in der Hauptsaison 3,20 Euro/);
  });

  it('cuts an item longer than a passage at its sentences, each part under the item\'s label', async () => {
    const long = `- **Sandermünde:** ${'Der Pendelbus fährt alle 10 Minuten vom Großparkplatz an der Bundesstraße. '.repeat(8)}Der Ortskern ist seit 2023 autofrei.\n- **Port Wenlock:** keine Obergrenze.\n`;
    const texts = await passages({ 'material/lang.md': long });
    expect(texts.length).toBeGreaterThan(2);
    expect(texts[0]).toMatch(/^- Sandermünde: Der Pendelbus/);
    for (const part of texts.slice(1, -1)) expect(part).toMatch(/^Sandermünde: /);
    expect(texts.at(-1)).toBe('- Port Wenlock: keine Obergrenze.');
  });
});

describe('a reviewer\'s cases: tables, lists and titles that are none', () => {
  it('keeps a table\'s caption, carries spanning cells down and across, and leaves layout and nested tables to the block reading', async () => {
    const spans = [
      '<table><caption>Die Anmeldung ist bis zum 15. Februar 2027 möglich.</caption>',
      '<tr><th>Format</th><th>Tarif</th><th>Mitglieder</th><th>Gäste</th></tr>',
      '<tr><td rowspan="2">Präsenz</td><td>regulär</td><td>90 €</td><td>120 €</td></tr>',
      '<tr><td>ermäßigt</td><td>45 €</td><td>60 €</td></tr>',
      '<tr><td>Online</td><td colspan="3">40 € für alle</td></tr>',
      '</table>',
    ].join('');
    const texts = await passages({ 'material/gebuehren.html': spans });
    expect(texts).toContain('Die Anmeldung ist bis zum 15. Februar 2027 möglich.');
    expect(texts).toContain('Präsenz | Tarif: ermäßigt | Mitglieder: 45 € | Gäste: 60 €');
    expect(texts).toContain('Online | Tarif: 40 € für alle | Mitglieder: 40 € für alle | Gäste: 40 € für alle');
    const layout = '<table><tr><td><h2>Kontakt</h2><p>Fragen beantwortet Anna Berg.</p></td></tr></table>';
    expect(await passages({ 'material/newsletter.html': layout })).toEqual(['Fragen beantwortet Anna Berg.']);
    const nested = '<table><tr><th>A</th><th>B</th></tr><tr><td>x</td><td><table><tr><td>Innen</td><td>1</td></tr></table></td></tr></table>';
    expect((await passages({ 'material/nested.html': nested })).join('\n')).not.toContain('|');
  });

  it('reads a header row of three columns as their names, not as "key: value"', async () => {
    const table = ['|  | Mitglieder | Gäste |', '|---|---|---|', '| Online | 40 Euro | 50 Euro |', ''].join('\n');
    expect(await passages({ 'material/preise.md': table })).toEqual(['Mitglieder | Gäste', 'Online | Mitglieder: 40 Euro | Gäste: 50 Euro']);
  });

  it('keeps a nested list\'s sub-items with their item', async () => {
    const sub = (n: number) => `  - Punkt ${n}: ${'Hier steht ein längerer Satz über die Anreise und den Ort. '.repeat(2)}`;
    const list = ['- Dünenhagen:', sub(1), sub(2), sub(3), '- Ponta das Garças:', sub(4), '  - Parken ist im Ortskern nicht erlaubt.', ''].join('\n');
    const texts = await passages({ 'material/orte.md': list });
    expect(texts.at(-1)).toMatch(/^- Ponta das Garças: - Punkt 4: .* - Parken ist im Ortskern nicht erlaubt\.$/);
  });

  it('takes neither the last item of a list nor a line in capitals that states something for a title', async () => {
    const agenda = ['Ablauf', '', '1. Begrüßung durch die Bürgermeisterin', '', '2. Vortrag von Dr. Lena Hoff', '', 'Die Sitzung endet gegen 12 Uhr mit einer offenen Fragerunde.', ''].join('\n');
    const read = async (files: Record<string, string>) => (await readMaterial(`${await contentDir(files)}/material`)).passages.map((p) => [p.title, p.text]);
    const items = await read({ 'material/ablauf.txt': agenda });
    expect(items.map(([, text]) => text)).toContain('2. Vortrag von Dr. Lena Hoff');
    expect(items.map(([title]) => title)).not.toContain('2. Vortrag von Dr. Lena Hoff');
    const wlan = ['Hinweise', '', 'WLAN-PASSWORT: KOMMUNE2027', '', 'Die Sitzung findet im Ratssaal statt.', ''].join('\n');
    const notes = await read({ 'material/vorort.txt': wlan });
    expect(notes.map(([, text]) => text)).toContain('WLAN-PASSWORT: KOMMUNE2027');
    expect(notes.map(([title]) => title)).not.toContain('WLAN-PASSWORT: KOMMUNE2027');
  });
});
