// The material of one session for the catch-up message: the files under `<program folder>/material/<session-id>/`,
// by name. The bot does not serve material over HTTP, so there is no link unless the caller maps a file to one.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { CatchUpMaterial } from './cards.js';

/**
 * The session's files, sorted by name; hidden files and folders are left out. Empty when the program has no
 * folder or the session no material folder. `urlOf` gives a file's public address when there is one.
 */
export async function sessionMaterial(programDir: string | undefined, sessionId: string, urlOf?: (file: string) => string | undefined): Promise<CatchUpMaterial[]> {
  if (!programDir || !/^[a-z0-9][a-z0-9-]*$/.test(sessionId)) return [];
  let entries;
  try {
    entries = await readdir(path.join(programDir, 'material', sessionId), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return [];
    throw error;
  }
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b, 'de'))
    .map((name) => {
      const url = urlOf?.(name);
      return { title: name, ...(url ? { url } : {}) };
    });
}
