// The key of the feedback pseudonyms: required and checked in production, generated once (mode 0600) in local
// mode, never in table storage; the earlier layout (secret in `settings`, voter ids in `feedbackVoters`) is
// cleared at start, and in local mode its secret is adopted so earlier answers stay the author's.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config/config.js';
import { FeedbackRepository } from '../../src/feedback/index.js';
import { FEEDBACK_KEY_FILE, FeedbackKeyError, loadFeedbackKey } from '../../src/privacy/index.js';
import { listAll } from '../../src/storage/tables.js';
import { pino } from 'pino';
import { useAzurite } from '../harness/azurite.js';

const storage = useAzurite('fkey');
const PRODUCTION = {
  MicrosoftAppId: '11111111-2222-4333-8444-555555555555',
  MicrosoftAppPassword: 'not-a-real-secret',
  MicrosoftAppTenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
};
const AAD = '0f1e2d3c-4b5a-4968-8776-655443322110';

function configError(env: Record<string, string>): ConfigError {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a configuration error');
}

function recordingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = { write: (line: string) => void lines.push(JSON.parse(line)) };
  return { logger: pino({ level: 'info' }, stream), lines };
}

describe('FEEDBACK_KEY in the configuration', () => {
  it('is required with MicrosoftAppId and must be 32+ bytes of base64; one line names it', () => {
    expect(configError(PRODUCTION).message).toBe(
      'Configuration error: FEEDBACK_KEY: required when MicrosoftAppId is set (expected at least 32 random bytes in base64, e.g. the output of `openssl rand -base64 32`)',
    );
    for (const bad of ['geheim', crypto.randomBytes(16).toString('base64'), `${crypto.randomBytes(32).toString('base64')}!`]) {
      expect(configError({ ...PRODUCTION, FEEDBACK_KEY: bad }).message).toMatch(/^Configuration error: FEEDBACK_KEY: expected at least 32 random bytes in base64/);
    }
    const key = crypto.randomBytes(32).toString('base64');
    expect(parseConfig({ ...PRODUCTION, FEEDBACK_KEY: key }).FEEDBACK_KEY).toBe(key);
    expect(parseConfig({}).FEEDBACK_KEY).toBeUndefined();
  });
});

describe('loadFeedbackKey', () => {
  it('in local mode writes a key once into DATA_DIR with mode 0600 and reads the same one again', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plb-key-'));
    const store = storage.store();
    const { logger } = recordingLogger();
    const [a, b] = await Promise.all([loadFeedbackKey({ dataDir, store, logger }), loadFeedbackKey({ dataDir, store, logger })]);
    expect(a.length).toBe(32);
    expect(b.equals(a)).toBe(true);
    const file = path.join(dataDir, FEEDBACK_KEY_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect((await loadFeedbackKey({ dataDir, store, logger })).equals(a)).toBe(true);
    // Nothing of it in table storage.
    expect(await listAll(await store.table('settings'))).toHaveLength(0);

    fs.chmodSync(file, 0o644);
    await loadFeedbackKey({ dataDir, store, logger });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    fs.writeFileSync(file, 'kaputt\n');
    await expect(loadFeedbackKey({ dataDir, store, logger })).rejects.toThrow(FeedbackKeyError);
  });

  it('adopts the secret an earlier version kept in table storage, then removes it and the voter ids', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plb-key-'));
    const store = storage.store();
    const legacy = crypto.randomBytes(32).toString('base64');
    await (await store.table('settings')).createEntity({ partitionKey: 'feedback', rowKey: 'responderKeySecret', value: legacy });
    const oldKey = crypto.createHmac('sha256', Buffer.from(legacy, 'base64')).update(AAD).digest('hex');
    const voters = await store.table('feedbackVoters');
    await voters.createEntity({ partitionKey: 'p.s', rowKey: oldKey, userId: '29:alte-id', updatedAt: new Date() });

    const { logger, lines } = recordingLogger();
    const key = await loadFeedbackKey({ dataDir, store, logger });
    // The same pseudonym as before: the person can still edit and delete their earlier answers.
    expect(new FeedbackRepository(store, key).responderKey(AAD)).toBe(oldKey);
    expect(await listAll(await store.table('settings'))).toHaveLength(0);
    expect(await listAll(voters)).toHaveLength(0);
    expect(lines.map((l) => l.event)).toEqual(expect.arrayContaining(['feedback.key.created', 'feedback.key.legacy_removed', 'feedback.voters.removed']));
    expect(JSON.stringify(lines)).not.toContain('29:alte-id');
  });

  it('with FEEDBACK_KEY set removes a differing stored secret and warns how many answers lose their author', async () => {
    const store = storage.store();
    await (await store.table('settings')).createEntity({ partitionKey: 'feedback', rowKey: 'responderKeySecret', value: crypto.randomBytes(32).toString('base64') });
    await (await store.table('feedbackResponses')).createEntity({ partitionKey: 'p.s', rowKey: 'a'.repeat(64), rating: 4, submittedAt: new Date() });
    const configured = crypto.randomBytes(32).toString('base64');
    const { logger, lines } = recordingLogger();
    const key = await loadFeedbackKey({ configured, dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'plb-key-')), store, logger });
    expect(key.equals(Buffer.from(configured, 'base64'))).toBe(true);
    expect(lines.find((l) => l.event === 'feedback.key.legacy_mismatch')).toMatchObject({ level: 40, responses: 1 });
    expect(await listAll(await store.table('settings'))).toHaveLength(0);
  });
});
