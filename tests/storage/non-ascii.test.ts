// Large writes full of non-ASCII text come back intact, whatever the table is called. Azurite 3.35 breaks a
// multi-byte character that straddles a network chunk of a request body, and where the chunks fall depends on
// the request line, so the table name decides which writes break. Each round below uses a fresh random
// name; without the storage client's ASCII-only bodies (src/storage/ascii-body-policy.ts) several of the 20
// rounds come back with U+FFFD in them.
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TransactionAction } from '@azure/data-tables';
import { listAll, TableStore } from '../../src/storage/tables.js';
import { escapeNonAscii } from '../../src/storage/ascii-body-policy.js';
import { ProgramRepository } from '../../src/program/repository.js';
import { parseProgramText } from '../../src/program/load.js';
import type { Program } from '../../src/program/model.js';
import { randomTablePrefix, useAzurite } from '../harness/azurite.js';

const storage = useAzurite('u');
const ROUNDS = 20;
const seedYaml = await fs.readFile(path.resolve('content/program.yaml'), 'utf8');

// Two-, three- and four-byte UTF-8 characters, so every kind of split is possible at every offset.
const PIECES = ['ä', 'Ö', 'ß', 'ü', '€', '„', '“', '–', '😀', '🏙️', 'é', ' ', 'Straße ', 'Bürgerbeteiligung ', 'e'];

function mixedText(length: number, seed: number): string {
  let out = '';
  let i = seed;
  while (out.length < length) out += PIECES[(i++ * 7) % PIECES.length];
  return out;
}

function storeFor(round: number): TableStore {
  // A fresh random prefix per round; a store's prefix is prepended to every table name.
  return new TableStore({ kind: 'connectionString', connectionString: storage.azurite.connectionString }, randomTablePrefix(`r${round}`));
}

function largeProgram(round: number): Program {
  const base = parseProgramText(seedYaml);
  const sessions = Array.from({ length: 40 }, (_, i) => ({
    ...base.sessions[0]!,
    id: `s-${i}`,
    date: `2026-${String(1 + Math.floor(i / 4)).padStart(2, '0')}-${String(1 + (i % 4) * 7).padStart(2, '0')}`,
    weekday: undefined,
    summary: `${mixedText(1500, round + i)} ${i}`,
  }));
  return { ...base, program: { ...base.program, announcedSessionCount: 40 }, sessions };
}

describe('non-ASCII text in large writes', () => {
  it(`round-trips program documents, 100-entity transactions and large entities under ${ROUNDS} random table names`, async () => {
    const broken: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const store = storeFor(round);

      // A program document of well over 64 KB, split across several properties by the repository.
      const repo = new ProgramRepository(store, 'umlaut-program');
      const program = largeProgram(round);
      expect(JSON.stringify(program).length).toBeGreaterThan(60_000);
      await repo.putActive({ program, version: 1, sequences: {}, fingerprints: {}, updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: 'test' }, undefined);
      const back = await repo.getActive();
      if (JSON.stringify(back?.program) !== JSON.stringify(program)) broken.push(`round ${round}: program document`);

      // A full transaction: 100 feedback-like rows with German comments and emoji in one request body.
      const feedback = await store.table('Responses');
      const comments = Array.from({ length: 100 }, (_, i) => `Kommentar ${i}: ${mixedText(700, round * 100 + i)}`);
      const actions: TransactionAction[] = comments.map((comment, i) => ['create', { partitionKey: 'poll', rowKey: `r${String(i).padStart(3, '0')}`, rating: (i % 5) + 1, comment }]);
      await feedback.submitTransaction(actions);
      const rows = await listAll<{ comment: string }>(feedback);
      const stored = rows.sort((a, b) => a.rowKey.localeCompare(b.rowKey)).map((r) => r.comment);
      if (JSON.stringify(stored) !== JSON.stringify(comments)) broken.push(`round ${round}: transaction`);

      // One large entity written on its own (four properties of 15,000 characters).
      const single = await store.table('Large');
      const texts = [0, 1, 2, 3].map((p) => mixedText(15_000, round + p));
      await single.createEntity({ partitionKey: 'p', rowKey: 'large', t0: texts[0], t1: texts[1], t2: texts[2], t3: texts[3] });
      const entity = await single.getEntity<Record<string, string>>('p', 'large');
      if ([0, 1, 2, 3].some((p) => entity[`t${p}`] !== texts[p])) broken.push(`round ${round}: single entity`);
    }
    expect(broken).toEqual([]);
  });
});

describe('escapeNonAscii', () => {
  it('writes every non-ASCII code unit as a JSON escape that parses back to the same text', () => {
    const value = { text: 'Grüße, Straße – 20 € „gut“ 😀', key: 'ä' };
    const escaped = escapeNonAscii(JSON.stringify(value));
    expect(/^[\x00-\x7f]*$/.test(escaped)).toBe(true);
    expect(escaped).toContain('\\u00fc');
    expect(escaped).toContain('\\ud83d\\ude00');
    expect(JSON.parse(escaped)).toEqual(value);
  });

  it('leaves ASCII text as it is', () => {
    const text = '{"a":"plain \\"quoted\\" text"}';
    expect(escapeNonAscii(text)).toBe(text);
  });
});
