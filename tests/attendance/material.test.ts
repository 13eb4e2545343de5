// A session's material for the catch-up: the files under `<program folder>/material/<session-id>/`, by name,
// linked only where the caller knows a public address; nothing for a program without folder or material.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catchUpFallbackText, sessionMaterial } from '../../src/attendance/index.js';

async function programDir(files: Record<string, string>): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'attendance-material-'));
  for (const [name, body] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await fs.writeFile(path.join(dir, name), body);
  }
  return dir;
}

describe('sessionMaterial', () => {
  it('lists the session folder\'s files by name, without hidden files, sub-folders or other sessions', async () => {
    const dir = await programDir({
      'material/vertiefung/Folien.pdf': 'x',
      'material/vertiefung/aufgaben.docx': 'x',
      'material/vertiefung/.DS_Store': 'x',
      'material/vertiefung/extra/notiz.md': 'x',
      'material/auftakt/andere.pdf': 'x',
      'material/allgemein.md': 'x',
    });
    expect(await sessionMaterial(dir, 'vertiefung')).toEqual([{ title: 'aufgaben.docx' }, { title: 'Folien.pdf' }]);
    const linked = await sessionMaterial(dir, 'vertiefung', (file) => (file.endsWith('.pdf') ? `https://bot.example.org/m/${file}` : undefined));
    expect(linked).toEqual([{ title: 'aufgaben.docx' }, { title: 'Folien.pdf', url: 'https://bot.example.org/m/Folien.pdf' }]);
    const text = catchUpFallbackText({ programTitle: 'P', timezone: 'Europe/Berlin', missed: { title: 'T', date: '2026-12-16', start: '10:00', end: '12:00' }, material: linked }, 'de');
    expect(text).toContain('- aufgaben.docx');
    expect(text).toContain('- [Folien.pdf](https://bot.example.org/m/Folien.pdf)');
  });

  it('is empty without a program folder, without the session\'s folder, and for a session id that is not one', async () => {
    const dir = await programDir({ 'material/allgemein.md': 'x', 'material/datei': 'x' });
    expect(await sessionMaterial(undefined, 'vertiefung')).toEqual([]);
    expect(await sessionMaterial(dir, 'vertiefung')).toEqual([]);
    expect(await sessionMaterial(dir, 'datei')).toEqual([]);
    expect(await sessionMaterial(dir, '../material')).toEqual([]);
  });
});
