// The key of the feedback pseudonyms (responder key = HMAC-SHA256(key, Entra object id)). It never lives in
// table storage, so whoever can read the tables cannot recompute a colleague's pseudonym and find their
// answers. With credentials it comes from FEEDBACK_KEY (Key Vault in Azure); in local mode it is generated
// once into DATA_DIR/feedback.key with mode 0600.
//
// Migration from the earlier layout, where the secret sat in the `settings` table (RK responderKeySecret)
// and `feedbackVoters` held Bot Framework user ids: in local mode a stored secret becomes the key file, so
// earlier answers stay editable and deletable; then the row is removed. With FEEDBACK_KEY set, the row is
// removed as well; when it held another value, answers written under it can no longer be matched to a
// person (they still count in results and leave with the retention purge), and a warning says how many.
// Voter rows are deleted at every start (there is nothing to keep in them).
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { TableClient } from '@azure/data-tables';
import { isFeedbackKey } from '../config/config.js';
import type { Logger } from '../shared/log.js';
import { getEntityOrUndefined, isStatus, listAll, type TableStore } from '../storage/tables.js';

export const FEEDBACK_KEY_FILE = 'feedback.key';

/** Where the earlier versions kept the secret, and the table that held voter ids. */
const LEGACY_SECRET = { table: 'settings', partitionKey: 'feedback', rowKey: 'responderKeySecret' } as const;
const LEGACY_VOTERS_TABLE = 'feedbackVoters';
const RESPONSES_TABLE = 'feedbackResponses';

export class FeedbackKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedbackKeyError';
  }
}

export interface FeedbackKeySource {
  /** FEEDBACK_KEY from the configuration (already checked for its form). */
  configured?: string;
  dataDir: string;
  store: TableStore;
  logger: Logger;
}

/** The key to use, plus the one-time clean-up of the earlier storage layout. */
export async function loadFeedbackKey(source: FeedbackKeySource): Promise<Buffer> {
  const legacy = await readLegacySecret(source.store);
  const key = source.configured ? Buffer.from(source.configured, 'base64') : await localKey(source.dataDir, legacy, source.logger);
  await retireLegacyStorage(source.store, key, legacy, source.logger);
  return key;
}

async function localKey(dataDir: string, legacy: string | undefined, logger: Logger): Promise<Buffer> {
  const file = path.join(dataDir, FEEDBACK_KEY_FILE);
  const existing = await readKeyFile(file);
  if (existing) return existing;
  await fs.mkdir(dataDir, { recursive: true });
  const value = legacy ?? crypto.randomBytes(32).toString('base64');
  try {
    // 'wx': when two local instances start together, exactly one writes the file; the other reads it.
    await fs.writeFile(file, `${value}\n`, { mode: 0o600, flag: 'wx' });
    logger.info({ event: 'feedback.key.created', adopted: legacy !== undefined }, `feedback key written to ${file}`);
    return Buffer.from(value, 'base64');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const written = await readKeyFile(file);
    if (!written) throw new FeedbackKeyError(`${file}: malformed feedback key`);
    return written;
  }
}

async function readKeyFile(file: string): Promise<Buffer | undefined> {
  let text: string;
  try {
    text = (await fs.readFile(file, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  // Another process may be between creating and writing the file.
  if (text === '') return undefined;
  if (!isFeedbackKey(text)) throw new FeedbackKeyError(`${file}: malformed feedback key (expected at least 32 bytes in base64); restore it or delete it to start a new one`);
  const mode = (await fs.stat(file)).mode & 0o777;
  if (mode & 0o077) await fs.chmod(file, 0o600);
  return Buffer.from(text, 'base64');
}

async function readLegacySecret(store: TableStore): Promise<string | undefined> {
  const row = await getEntityOrUndefined<{ value?: unknown }>(await store.table(LEGACY_SECRET.table), LEGACY_SECRET.partitionKey, LEGACY_SECRET.rowKey);
  return typeof row?.value === 'string' && isFeedbackKey(row.value) ? row.value : undefined;
}

async function retireLegacyStorage(store: TableStore, key: Buffer, legacy: string | undefined, logger: Logger): Promise<void> {
  if (legacy !== undefined) {
    if (!Buffer.from(legacy, 'base64').equals(key)) {
      const orphaned = (await listAll<object>(await store.table(RESPONSES_TABLE))).length;
      logger.warn(
        { event: 'feedback.key.legacy_mismatch', responses: orphaned },
        `the feedback secret formerly kept in table storage differs from FEEDBACK_KEY: ${orphaned} stored responses can no longer be edited or deleted by their authors (they count in results until the retention purge)`,
      );
    }
    await deleteIgnoringMissing(await store.table(LEGACY_SECRET.table), LEGACY_SECRET.partitionKey, LEGACY_SECRET.rowKey);
    logger.info({ event: 'feedback.key.legacy_removed' }, 'feedback secret removed from table storage');
  }
  const voters = await store.table(LEGACY_VOTERS_TABLE);
  const rows = await listAll<object>(voters);
  for (const row of rows) await deleteIgnoringMissing(voters, row.partitionKey!, row.rowKey!);
  if (rows.length) logger.info({ event: 'feedback.voters.removed', rows: rows.length }, 'stored voter ids removed');
}

async function deleteIgnoringMissing(table: TableClient, partitionKey: string, rowKey: string): Promise<void> {
  try {
    await table.deleteEntity(partitionKey, rowKey);
  } catch (error) {
    if (!isStatus(error, 404)) throw error;
  }
}
