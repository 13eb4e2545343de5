// Writes the small office documents the FAQ tests read (tests/faq/fixtures/documents/): a two-page PDF, a
// DOCX with headings, a three-slide PPTX, a password-protected PDF and two damaged files. Everything is built
// here from plain text, so no binary of unknown origin sits in the repository.
//   npx tsx scripts/faq-make-documents.ts [outDir]
// The PDF is a minimal PDF 1.4 (Helvetica, WinAnsiEncoding); the protected one uses the standard security
// handler, revision 2 (RC4 40-bit), with a user password, so no reader opens it without the password.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import yazl from 'yazl';

const PAD = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + s[i]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[n] = data[n]! ^ s[(s[i]! + s[j]!) & 255]!;
  }
  return out;
}

const md5 = (...parts: Buffer[]) => crypto.createHash('md5').update(Buffer.concat(parts)).digest();
const padded = (password: string) => Buffer.concat([Buffer.from(password, 'latin1'), PAD]).subarray(0, 32);
const pdfString = (b: Buffer) => `<${b.toString('hex')}>`;

/** A text line as a PDF literal string in WinAnsi (Latin-1 covers the German letters used here). */
function literal(text: string): string {
  return `(${Buffer.from(text, 'latin1').toString('latin1').replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

export function makePdf(pages: string[][], options: { userPassword?: string } = {}): Buffer {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) - 1 + 1;
  const catalog = add('');
  const pagesObj = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  for (const lines of pages) {
    const ops = ['BT', '/F1 12 Tf', '16 TL', '72 760 Td', ...lines.map((l) => `${literal(l)} '`), 'ET'].join('\n');
    const stream = Buffer.from(ops, 'latin1');
    const content = add(`<< /Length ${stream.length} >>\nstream\n${ops}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const id = md5(Buffer.from(JSON.stringify(pages)));
  let trailerExtra = '';
  if (options.userPassword !== undefined) {
    const p = -44;
    const o = rc4(md5(padded('owner-secret')).subarray(0, 5), padded(options.userPassword));
    const pBytes = Buffer.alloc(4);
    pBytes.writeInt32LE(p);
    const key = md5(padded(options.userPassword), o, pBytes, id).subarray(0, 5);
    const u = rc4(key, PAD);
    const enc = add(`<< /Filter /Standard /V 1 /R 2 /O ${pdfString(o)} /U ${pdfString(u)} /P ${p} >>`);
    trailerExtra = ` /Encrypt ${enc} 0 R`;
  }
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /ID [${pdfString(id)} ${pdfString(id)}]${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const xmlText = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

async function zip(files: Record<string, string>): Promise<Buffer> {
  const z = new yazl.ZipFile();
  // A fixed date keeps the output byte-identical from run to run.
  for (const [name, text] of Object.entries(files)) z.addBuffer(Buffer.from(text, 'utf8'), name, { mtime: new Date('2026-01-01T00:00:00Z') });
  z.end();
  const chunks: Buffer[] = [];
  for await (const c of z.outputStream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * A DOCX: blocks starting with "# " or "## " are headings, the rest paragraphs; a block of rows is a table whose
 * first row is marked as the header row (repeated on each page, as Word does it).
 */
export function makeDocx(blocks: (string | string[][])[]): Promise<Buffer> {
  const cell = (t: string) => `<w:tc><w:p><w:r><w:t xml:space="preserve">${xmlText(t)}</w:t></w:r></w:p></w:tc>`;
  const table = (rows: string[][]) =>
    `<w:tbl><w:tblPr/>${rows.map((r, i) => `<w:tr>${i === 0 ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}${r.map(cell).join('')}</w:tr>`).join('')}</w:tbl>`;
  const para = (b: string | string[][]) => {
    if (Array.isArray(b)) return table(b);
    const h = /^(#{1,2}) (.*)$/.exec(b);
    const style = h ? `<w:pPr><w:pStyle w:val="Heading${h[1]!.length}"/></w:pPr>` : '';
    return `<w:p>${style}<w:r><w:t xml:space="preserve">${xmlText(h ? h[2]! : b)}</w:t></w:r></w:p>`;
  };
  const headingStyle = (n: number) =>
    `<w:style w:type="paragraph" w:styleId="Heading${n}"><w:name w:val="heading ${n}"/><w:basedOn w:val="Normal"/></w:style>`;
  return zip({
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
    'word/_rels/document.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    'word/styles.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>${headingStyle(1)}${headingStyle(2)}</w:styles>`,
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${blocks.map(para).join('')}</w:body></w:document>`,
  });
}

const P = 'http://schemas.openxmlformats.org/presentationml/2006/main';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';

/** A PPTX whose slides each have a title placeholder and a body of lines, and may have a table below. */
export function makePptx(slides: { title: string; lines: string[]; table?: string[][] }[]): Promise<Buffer> {
  const tableFrame = (id: number, rows: string[][]) =>
    `<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="${id}" name="t${id}"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr><p:xfrm><a:off x="0" y="0"/><a:ext cx="8000000" cy="3000000"/></p:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl><a:tblPr firstRow="1" bandRow="1"/><a:tblGrid>${rows[0]!
      .map(() => '<a:gridCol w="2000000"/>')
      .join('')}</a:tblGrid>${rows
      .map((r) => `<a:tr h="370840">${r.map((t) => `<a:tc><a:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="de-DE"/><a:t>${xmlText(t)}</a:t></a:r></a:p></a:txBody><a:tcPr/></a:tc>`).join('')}</a:tr>`)
      .join('')}</a:tbl></a:graphicData></a:graphic></p:graphicFrame>`;
  const shape = (id: number, ph: string, paragraphs: string[]) =>
    `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="s${id}"/><p:cNvSpPr/><p:nvPr><p:ph ${ph}/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/>${paragraphs
      .map((t) => `<a:p><a:r><a:rPr lang="de-DE"/><a:t>${xmlText(t)}</a:t></a:r></a:p>`)
      .join('')}</p:txBody></p:sp>`;
  const files: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/>${slides
      .map((_, i) => `<Override PartName="/ppt/slides/slide${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.slide+xml"/>`)
      .join('')}</Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="ppt/presentation.xml"/></Relationships>`,
    // The display order is the list in presentation.xml; it differs from the file numbers on purpose (slide
    // files keep their creation number when slides are moved), so the reader must follow the list.
    'ppt/presentation.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:presentation xmlns:p="${P}" xmlns:r="${REL}"><p:sldIdLst>${slides
      .map((_, i) => `<p:sldId id="${256 + i}" r:id="rId${slides.length - i}"/>`)
      .join('')}</p:sldIdLst><p:sldSz cx="9144000" cy="6858000"/></p:presentation>`,
    'ppt/_rels/presentation.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${slides
      .map((_, i) => `<Relationship Id="rId${slides.length - i}" Type="${REL}/slide" Target="slides/slide${slides.length - i}.xml"/>`)
      .join('')}</Relationships>`,
  };
  slides.forEach((s, i) => {
    // Slide i (0-based, display order) is stored in file slide{n - i}.xml.
    files[`ppt/slides/slide${slides.length - i}.xml`] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:sld xmlns:p="${P}" xmlns:a="${A}" xmlns:r="${REL}"><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>${shape(2, 'type="title"', [s.title])}${shape(3, 'idx="1"', s.lines)}${s.table ? tableFrame(4, s.table) : ''}</p:spTree></p:cSld></p:sld>`;
  });
  return zip(files);
}

async function main(): Promise<void> {
  const out = path.resolve(process.argv[2] ?? 'tests/faq/fixtures/documents');
  await fs.mkdir(out, { recursive: true });
  const write = (name: string, data: Buffer) => fs.writeFile(path.join(out, name), data);
  await write(
    'leitfaden.pdf',
    makePdf([
      ['Leitfaden Quartiersarbeit', '', 'Die Teilnahme an der Reihe ist kostenlos.', 'Eine Anmeldung ist bis eine Woche vor dem Termin möglich.'],
      ['Aufzeichnung', '', 'Die Treffen werden nicht aufgezeichnet.', 'Die Folien erhalten alle Teilnehmenden per E-Mail.'],
    ]),
  );
  await write(
    'handreichung.docx',
    await makeDocx([
      '# Handreichung',
      '## Mitmachen',
      'Beteiligungsformate für Nachbarschaften stehen im Mittelpunkt der Reihe.',
      '## Kontakt',
      'Bei Fragen wenden Sie sich an Jana Beispiel, jana.beispiel@example.org.',
    ]),
  );
  await write(
    'vortrag.pptx',
    await makePptx([
      { title: 'Quartiersfonds', lines: ['Ein Quartiersfonds fördert kleine Projekte der Nachbarschaft.'] },
      { title: 'Ablauf der Förderung', lines: ['Anträge bis 500 Euro entscheidet eine Jury aus dem Quartier.'] },
      { title: 'Gute Beispiele', lines: ['Ein Gemeinschaftsgarten und ein Reparaturcafé wurden gefördert.'] },
    ]),
  );
  await write('geschuetzt.pdf', makePdf([['Vertrauliche Hinweise zur Jury.']], { userPassword: 'geheim' }));
  const pdf = makePdf([['Dieser Text wird abgeschnitten und ist nicht lesbar.']]);
  await write('kaputt.pdf', pdf.subarray(0, Math.floor(pdf.length / 3)));
  const docx = await makeDocx(['Abgeschnittenes Dokument.']);
  await write('kaputt.docx', docx.subarray(0, Math.floor(docx.length / 2)));
  process.stdout.write(`documents written to ${out}\n`);
}

if (process.argv[1] && import.meta.url === new URL(`file://${path.resolve(process.argv[1])}`).href) {
  main().catch((error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  });
}

/** Splits paragraphs into PDF lines of at most `width` characters; '' keeps an empty line. */
export function wrap(paragraphs: string[], width: number): string[] {
  const lines: string[] = [];
  for (const p of paragraphs) {
    if (p === '') {
      lines.push('');
      continue;
    }
    let line = '';
    for (const word of p.split(' ')) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines;
}

/** The PDF builder writes Latin-1 (WinAnsi); a character outside it would silently turn into '?'. */
export function latin1Only(pages: string[][]): string[][] {
  for (const line of pages.flat()) {
    const bad = [...line].find((c) => c.charCodeAt(0) > 255);
    if (bad) throw new Error(`not Latin-1 (${bad}) in PDF line: ${line}`);
  }
  return pages;
}
