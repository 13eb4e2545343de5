// The documentation checks of `npm test`: every relative link and image in README.md, CHANGELOG.md and docs/
// resolves (files and #anchors), and the README's commands table names exactly the bot's commands, taken
// from the code's own list (src/conversation/commands.ts), German and English, in matching rows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS, type CommandName } from '../../src/conversation/commands.js';
import { anchorsOf, checkLinks, documentationFiles, linksOf, slug, tableUnder } from './markdown.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

describe('documentation links', () => {
  const files = documentationFiles(ROOT);

  it('covers the README and the guides', () => {
    const names = files.map((f) => path.relative(ROOT, f));
    expect(names).toContain('README.md');
    expect(names).toEqual(expect.arrayContaining(['docs/coordinators.md', 'docs/participants.md', 'docs/deployment.md', 'docs/architecture.md', 'docs/benchmarks.md', 'docs/privacy.md']));
  });

  it.each(documentationFiles(ROOT).map((f) => [path.relative(ROOT, f), f]))('%s: every relative link and image resolves', (_name, file) => {
    expect(checkLinks(file, ROOT)).toEqual([]);
  });

  it('the README stays a front door: at most 250 lines', () => {
    expect(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').trimEnd().split('\n').length).toBeLessThanOrEqual(250);
  });

  it('the README shows at least one image that exists', () => {
    const images = linksOf(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')).filter((l) => l.kind === 'image');
    expect(images.length).toBeGreaterThan(0);
  });
});

describe('the link checker itself', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doc-links-'));
  const write = (name: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };
  write('guide.md', '# Guide\n\n## Step 1: `npm start` & go\n\n## Ähnliche Fragen?\n\n## Repeat\n\n## Repeat\n');
  write('img/a.png', 'png');

  it('makes GitHub heading anchors', () => {
    expect(slug('Step 1: `npm start` & go')).toBe('step-1-npm-start--go');
    expect(slug('Ähnliche Fragen?')).toBe('ähnliche-fragen');
    expect([...anchorsOf(fs.readFileSync(path.join(dir, 'guide.md'), 'utf8'))]).toEqual(['guide', 'step-1-npm-start--go', 'ähnliche-fragen', 'repeat', 'repeat-1']);
  });

  it('reports missing files, missing anchors and links outside, and ignores code and external links', () => {
    const file = write(
      'README.md',
      [
        '[ok](guide.md#step-1-npm-start--go) ![ok](img/a.png) [ok](#title) [ext](https://example.org/x.md#nope)',
        '# Title',
        '[gone](missing.md) [bad anchor](guide.md#step-2) ![gone](img/b.png) [up](../../etc/passwd)',
        '`[in code](nowhere.md)`',
        '```',
        '[in a block](nowhere.md)',
        '```',
        '[pending](docs/privacy.md) [pending anchor](docs/privacy.md#x)',
      ].join('\n'),
    );
    const problems = checkLinks(file, dir, ['docs/privacy.md']).map((p) => `${p.line} ${p.target}: ${p.problem}`);
    expect(problems).toEqual([
      '3 missing.md: file not found',
      '3 guide.md#step-2: no heading with the anchor #step-2',
      '3 img/b.png: file not found',
      '3 ../../etc/passwd: points outside the repository',
      '8 docs/privacy.md#x: file not found',
    ]);
  });
});

describe("the README's commands table", () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const rows = tableUnder(readme, '## Commands');
  /** The command words of a cell: each `code` span, without an argument placeholder such as [Text] or <Termin>. */
  const words = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!.replace(/\s*[[<].*$/, '').trim());
  const named = (word: string, language: 'de' | 'en'): CommandName | undefined => COMMANDS.find((c) => c[language] === word)?.name;

  it('has rows', () => {
    expect(rows.length).toBeGreaterThan(5);
  });

  it('names only commands of the code, German in the first column and English in the second, one command per pair', () => {
    const problems: string[] = [];
    for (const [german = '', english = ''] of rows) {
      const de = words(german);
      const en = words(english);
      for (const w of de) if (!named(w, 'de')) problems.push(`"${w}" is not the German word of any command`);
      for (const w of en) if (!named(w, 'en')) problems.push(`"${w}" is not the English word of any command`);
      if (de.map((w) => named(w, 'de')).join() !== en.map((w) => named(w, 'en')).join()) problems.push(`row ${german} | ${english}: German and English name different commands`);
    }
    expect(problems).toEqual([]);
  });

  it('lists every command of the code', () => {
    const listed = new Set(rows.flatMap(([german = '']) => words(german).map((w) => named(w, 'de'))));
    expect(COMMANDS.map((c) => c.name).filter((name) => !listed.has(name))).toEqual([]);
  });
});
