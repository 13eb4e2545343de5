// Reading the project's Markdown the way GitHub renders it, for the documentation checks: the anchors a file
// offers (heading slugs as github-slugger makes them, plus explicit <a id>/<a name>), the relative links and
// images it contains (outside code), and the rows of a table under a heading.
import fs from 'node:fs';
import path from 'node:path';

export interface MarkdownLink {
  /** As written, e.g. "docs/deployment.md#backup" or "images/x.png". */
  target: string;
  line: number;
  kind: 'link' | 'image';
}

export interface LinkProblem {
  file: string;
  line: number;
  target: string;
  problem: string;
}

/** Blanks fenced code blocks (keeping the line count), so nothing inside them is read as a link or heading. */
function withoutFencedCode(text: string): string {
  const lines = text.split('\n');
  let fence: string | undefined;
  return lines
    .map((line) => {
      const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (fence === undefined && marker) {
        fence = marker;
        return '';
      }
      if (fence !== undefined) {
        if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
        return '';
      }
      return line;
    })
    .join('\n');
}

const withoutInlineCode = (line: string) => line.replace(/(`+)[\s\S]*?\1/g, '');

/** GitHub's heading id: rendered text, lower-cased, punctuation dropped, spaces to hyphens. */
export function slug(heading: string): string {
  const rendered = heading
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/[`*]/g, '')
    .trim();
  return rendered
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** Every anchor a Markdown text offers; repeated headings get -1, -2, ... as on GitHub. */
export function anchorsOf(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of withoutFencedCode(text).split('\n')) {
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading !== undefined) {
      const base = slug(heading);
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      anchors.add(count ? `${base}-${count}` : base);
    }
    for (const m of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(m[1]!);
  }
  return anchors;
}

export function linksOf(text: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  withoutFencedCode(text)
    .split('\n')
    .forEach((raw, index) => {
      const line = withoutInlineCode(raw);
      const add = (target: string, kind: MarkdownLink['kind']) => links.push({ target, line: index + 1, kind });
      for (const m of line.matchAll(/(!?)\[(?:[^\]\[]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) add(m[2]!, m[1] ? 'image' : 'link');
      for (const m of line.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/g)) add(m[1]!, 'link');
      for (const m of line.matchAll(/<img\s[^>]*src="([^"]+)"/g)) add(m[1]!, 'image');
      for (const m of line.matchAll(/<a\s[^>]*href="([^"]+)"/g)) add(m[1]!, 'link');
    });
  return links;
}

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//');

/**
 * Checks every relative link and image of `file`: the file or folder exists, and an #anchor names a
 * heading (or explicit anchor) of the Markdown file it points into. `pending` lists repository-relative
 * files that another branch adds; a link to one of them passes only while it is absent.
 */
export function checkLinks(file: string, root: string, pending: readonly string[] = []): LinkProblem[] {
  const text = fs.readFileSync(file, 'utf8');
  const problems: LinkProblem[] = [];
  const rel = path.relative(root, file);
  for (const link of linksOf(text)) {
    if (isExternal(link.target)) continue;
    const report = (problem: string) => problems.push({ file: rel, line: link.line, target: link.target, problem });
    const hash = link.target.indexOf('#');
    const pathPart = decodeURIComponent(hash < 0 ? link.target : link.target.slice(0, hash));
    const anchor = hash < 0 ? undefined : decodeURIComponent(link.target.slice(hash + 1));
    const resolved = pathPart ? path.resolve(path.dirname(file), pathPart) : file;
    if (!resolved.startsWith(root)) {
      report('points outside the repository');
      continue;
    }
    if (!fs.existsSync(resolved)) {
      const awaited = pending.includes(path.relative(root, resolved)) && anchor === undefined;
      if (!awaited) report('file not found');
      continue;
    }
    if (link.kind === 'image' && !/\.(png|jpe?g|gif|svg|webp)$/i.test(resolved)) report('image is not an image file');
    if (anchor === undefined) continue;
    if (!resolved.endsWith('.md')) {
      report('anchor into a file that is not Markdown');
      continue;
    }
    if (!anchorsOf(fs.readFileSync(resolved, 'utf8')).has(anchor)) report(`no heading with the anchor #${anchor}`);
  }
  return problems;
}

/** The rows (cells trimmed) of the first table after the heading `heading`, header and separator left out. */
export function tableUnder(text: string, heading: string): string[][] {
  const lines = withoutFencedCode(text).split('\n');
  const start = lines.findIndex((l) => l.trim() === heading);
  if (start < 0) return [];
  const rows: string[][] = [];
  let inTable = false;
  for (const line of lines.slice(start + 1)) {
    if (/^#{1,6}\s/.test(line)) break;
    if (line.trim().startsWith('|')) {
      inTable = true;
      rows.push(
        line
          .trim()
          .replace(/^\||\|$/g, '')
          .split(/(?<!\\)\|/)
          .map((c) => c.trim()),
      );
    } else if (inTable) break;
  }
  return rows.slice(2);
}

/** The Markdown files the checks cover: README.md, CHANGELOG.md and everything under docs/. */
export function documentationFiles(root: string): string[] {
  const files = ['README.md', 'CHANGELOG.md'].map((f) => path.join(root, f)).filter((f) => fs.existsSync(f));
  const walk = (dir: string): void => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.md')) files.push(full);
    }
  };
  walk(path.join(root, 'docs'));
  return files;
}
