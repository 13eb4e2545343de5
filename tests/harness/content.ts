// Content directories for tests: a program.yaml written by the test plus the shipped material.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './service.js';

export interface SessionSpec {
  id: string;
  title: string;
  date: string;
  start: string;
  end: string;
  summary?: string;
  joinUrl?: string;
}

export function programYaml(
  sessions: SessionSpec[],
  extra: { reminders?: string[]; feedback?: Record<string, unknown>; id?: string; title?: string; attendance?: 'counts' | 'named' } = {},
): string {
  const lines = [
    'program:',
    `  id: ${extra.id ?? 'testprogramm'}`,
    `  title: "${extra.title ?? 'Testreihe Daten'}"`,
    '  timezone: Europe/Berlin',
    '  language: de',
    '  format: virtual',
    `  reminders: [${(extra.reminders ?? ['P1D']).join(', ')}]`,
    ...(extra.attendance ? [`  attendance: ${extra.attendance}`] : []),
  ];
  if (extra.feedback) {
    lines.push('  feedback:');
    for (const [k, v] of Object.entries(extra.feedback)) lines.push(`    ${k}: ${v}`);
  }
  lines.push('sessions:');
  for (const s of sessions) {
    lines.push(`  - id: ${s.id}`, `    title: "${s.title}"`, `    date: ${s.date}`, `    start: "${s.start}"`, `    end: "${s.end}"`);
    if (s.summary) lines.push(`    summary: "${s.summary}"`);
    if (s.joinUrl) lines.push(`    joinUrl: ${s.joinUrl}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A temporary CONTENT_DIR with the given program.yaml and a copy of content/material. */
export function contentDir(program: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plb-content-'));
  fs.writeFileSync(path.join(dir, 'program.yaml'), program);
  fs.cpSync(path.join(REPO_ROOT, 'content', 'material'), path.join(dir, 'material'), { recursive: true });
  return dir;
}

/** A temporary CONTENT_DIR with one folder per program (programs/<folder>/program.yaml and material/). */
export function programsContentDir(programs: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plb-content-'));
  for (const [folder, yaml] of Object.entries(programs)) {
    const programDir = path.join(dir, 'programs', folder);
    fs.mkdirSync(programDir, { recursive: true });
    fs.writeFileSync(path.join(programDir, 'program.yaml'), yaml);
    fs.cpSync(path.join(REPO_ROOT, 'content', 'material'), path.join(programDir, 'material'), { recursive: true });
  }
  return dir;
}
