// Many-programs benchmark (issue 16): what one scheduler tick costs when one program's reminder is due, in a
// deployment of 20 programs x 500 conversations against one of 1 program x 500 conversations. Each
// conversation follows one program; every tenth personal chat follows the next program as well. The pieces
// are assembled as src/service.ts assembles them (catalog, registry, followers index, announcements, feedback
// scheduling, one delivery engine; real Azurite), with a sender that answers at once. Every measured tick has
// exactly one due reminder, each of another program (one session a week, PT1H reminders). Besides the time
// until the tick's run has ended, it counts what the tick read from storage per table: point reads and
// entities listed. The figure that matters is the conversations table: one program's reminder reads that
// program's followers (about 550 rows), never the other 9,500 conversations. It also times single point reads
// of a conversation in both deployments: the emulator scans a row's partition to find it, so that cost (not
// the number of reads) is what grows with the conversations stored.
// Usage: npm run bench -- programs [--programs 20] [--conversations 500] [--ticks 10]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TableClient } from '@azure/data-tables';
import { createAnnouncementService, announcementBuilders, reminderDue } from '../src/announcements/index.js';
import { createDeliveryEngine } from '../src/delivery/index.js';
import { FeedbackService } from '../src/feedback/index.js';
import { createFeedbackScheduling, feedbackBuilders } from '../src/feedback/delivery.js';
import { ProgramCatalog } from '../src/program/index.js';
import { ConversationRegistry, ConversationRepository, FollowerIndex, RegistryAudience, type ConversationSighting } from '../src/registry/index.js';
import { createScheduler } from '../src/scheduler/index.js';
import { ManualClock } from '../src/shared/clock.js';
import { silentLogger } from '../src/shared/log.js';
import { startAzurite } from '../src/storage/azurite.js';
import { TableStore } from '../src/storage/tables.js';

function intOption(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  const raw = i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const n = Number(raw ?? fallback);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} expects a positive whole number`);
  return n;
}

interface TableReads {
  pointReads: number;
  entitiesListed: number;
}

/** A store that counts, per table, the point reads and the entities every listing yields. */
class CountingStore extends TableStore {
  reads = new Map<string, TableReads>();

  override async table(name: string): Promise<TableClient> {
    const client = await super.table(name);
    const count = () => {
      let entry = this.reads.get(name);
      if (!entry) this.reads.set(name, (entry = { pointReads: 0, entitiesListed: 0 }));
      return entry;
    };
    return new Proxy(client, {
      get(target, property, receiver) {
        if (property === 'getEntity') {
          return (...args: Parameters<TableClient['getEntity']>) => {
            count().pointReads++;
            return target.getEntity(...args);
          };
        }
        if (property === 'listEntities') {
          return (...args: Parameters<TableClient['listEntities']>) => {
            const inner = target.listEntities(...args);
            return {
              async *[Symbol.asyncIterator]() {
                for await (const entity of inner) {
                  count().entitiesListed++;
                  yield entity;
                }
              },
              byPage: inner.byPage.bind(inner),
            };
          };
        }
        const value = Reflect.get(target, property, receiver) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  }
}

const START = '2030-01-01T08:00:00Z';
const WEEK_MS = 7 * 86_400_000;

function programYaml(id: string, weeks: number[]): string {
  const sessions = weeks.flatMap((w) => {
    const date = new Date(Date.parse('2030-01-07T00:00:00Z') + w * WEEK_MS).toISOString().slice(0, 10);
    return [`  - id: woche-${w}`, `    title: "Woche ${w}"`, `    date: ${date}`, '    start: "10:00"', '    end: "12:00"'];
  });
  return [
    'program:',
    `  id: ${id}`,
    `  title: "Programm ${id}"`,
    '  timezone: Europe/Berlin',
    '  language: de',
    '  format: virtual',
    '  reminders: [PT1H]',
    '  feedback:',
    '    closeAfter: P2D',
    'sessions:',
    ...sessions,
    '',
  ].join('\n');
}

function sighting(conversationId: string): ConversationSighting {
  return { kind: 'personal', conversationId, tenantId: 'tenant-1', serviceUrl: 'https://smba.example/', reference: { conversation: { id: conversationId } }, userAadObjectId: conversationId, userId: `29:${conversationId}`, locale: 'de' };
}

async function inParallel<T>(items: T[], parallel: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

interface Scenario {
  programs: number;
  conversations: number;
  ticks: number;
}

/** One deployment: seeded, warmed up, then `ticks` ticks each with one program's reminder due. */
async function measure(connectionString: string, prefix: string, scenario: Scenario) {
  const store = new CountingStore({ kind: 'connectionString', connectionString }, prefix);
  const clock = new ManualClock(START);
  const contentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-programs-'));
  const ids = Array.from({ length: scenario.programs }, (_, k) => `programm-${String(k).padStart(2, '0')}`);
  // The measured reminders: tick t is the reminder of program t % programs, in week t.
  for (const [k, id] of ids.entries()) {
    const weeks = Array.from({ length: scenario.ticks }, (_, t) => t).filter((t) => t % scenario.programs === k);
    fs.mkdirSync(path.join(contentDir, 'programs', id), { recursive: true });
    fs.writeFileSync(path.join(contentDir, 'programs', id, 'program.yaml'), programYaml(id, [...weeks, 60 + k]));
  }
  const catalog = new ProgramCatalog({ store, clock, logger: silentLogger, contentDir });
  await catalog.load();
  const registry = new ConversationRegistry({ repository: new ConversationRepository(store), followers: new FollowerIndex(store), clock, logger: silentLogger, defaultProgram: () => undefined });
  // One conversation through the registry (`anmelden`) gives the stored shape; the others are written as
  // that entry plus its followers index rows, without the reads a sighting makes.
  const seeding = performance.now();
  const repository = new ConversationRepository(store);
  const followers = new FollowerIndex(store);
  const template = (await registry.follow(sighting('a:template'), ids[0]!)).entry;
  await registry.unfollow(sighting('a:template'), ids[0]!);
  const entries = ids.flatMap((id, k) =>
    Array.from({ length: scenario.conversations }, (_, c) => {
      const conversationId = `a:${id}-${c}`;
      const programIds = scenario.programs > 1 && c % 10 === 0 ? [id, ids[(k + 1) % ids.length]!] : [id];
      return { ...template, conversationId, userAadObjectId: conversationId, reference: { conversation: { id: conversationId } }, programIds };
    }),
  );
  await inParallel(entries, 64, async (entry) => {
    for (const programId of entry.programIds) await followers.add(programId, entry);
    await repository.put(entry);
  });
  const seedSeconds = Math.round((performance.now() - seeding) / 100) / 10;

  let sent = 0;
  const feedback = new FeedbackService({ store, program: catalog, clock, logger: silentLogger });
  const engine = createDeliveryEngine({
    store,
    sender: { send: async (c) => ({ activityId: `a-${c.conversationId}-${sent++}` }), update: async () => undefined },
    audience: new RegistryAudience(registry),
    builders: { ...announcementBuilders({ publicBaseUrl: 'https://bot.example' }), ...feedbackBuilders({ feedback, programs: catalog }) },
    clock,
    logger: silentLogger,
    settings: { maxRps: 100_000, concurrencyPerTenant: 32 },
  });
  const announcements = createAnnouncementService({ engine, store, clock, logger: silentLogger, publicBaseUrl: 'https://bot.example', programs: catalog });
  const unwatch = announcements.watch();
  const feedbackScheduling = createFeedbackScheduling({ store, feedback, engine, programs: catalog, clock, logger: silentLogger, retentionDays: 365 });
  // The service's tick: catalog refresh, announcement planning, feedback, then the due jobs.
  const scheduler = createScheduler({
    engine,
    logger: silentLogger,
    beforeTick: async () => {
      await catalog.refresh();
      await announcements.sync();
      await feedbackScheduling.tick();
    },
  });
  await scheduler.tick(); // warm-up: first plan, tables created, the daily sweeps done

  const tickMs: number[] = [];
  const reads: Array<Record<string, TableReads>> = [];
  const recipients: number[] = [];
  for (let t = 0; t < scenario.ticks; t++) {
    const program = catalog.get(ids[t % ids.length]!)!;
    const session = program.sessions.find((s) => s.id === `woche-${t}`)!;
    clock.set(new Date(reminderDue(program, session, 'PT1H').toMillis() + 30_000));
    store.reads = new Map();
    const before = sent;
    const began = performance.now();
    const result = await scheduler.tick();
    tickMs.push(performance.now() - began);
    if (result.started.length !== 1) throw new Error(`tick ${t}: expected one due reminder, got ${result.started.join(', ') || 'none'}`);
    recipients.push(sent - before);
    reads.push(Object.fromEntries(store.reads));
  }
  // What one point read of a conversation costs here: the emulator finds a row by scanning its partition,
  // and every personal chat of the registry shares one partition.
  const pointReadMs: number[] = [];
  for (let i = 0; i < 200; i++) {
    const entry = entries[(i * 7919) % entries.length]!;
    const began = performance.now();
    await repository.get('personal', entry.conversationId);
    pointReadMs.push(performance.now() - began);
  }
  unwatch();
  await engine.stop();
  fs.rmSync(contentDir, { recursive: true, force: true });
  return { seedSeconds, tickMs, reads, recipients, pointReadMs };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]! * 100) / 100;
}

/** Per table, the median over the ticks of point reads and of entities listed. */
function medianReads(reads: Array<Record<string, TableReads>>): Record<string, TableReads> {
  const tables = [...new Set(reads.flatMap((r) => Object.keys(r)))].sort();
  return Object.fromEntries(
    tables.map((table) => [
      table,
      { pointReads: median(reads.map((r) => r[table]?.pointReads ?? 0)), entitiesListed: median(reads.map((r) => r[table]?.entitiesListed ?? 0)) },
    ]),
  );
}

export default async function run(args: string[]): Promise<unknown> {
  const programs = intOption(args, 'programs', 20);
  const conversations = intOption(args, 'conversations', 500);
  const ticks = intOption(args, 'ticks', 10);
  const azurite = await startAzurite();
  try {
    const many = await measure(azurite.connectionString, 'progmany', { programs, conversations, ticks });
    const one = await measure(azurite.connectionString, 'progone', { programs: 1, conversations, ticks });
    const summary = (m: typeof many, p: number) => {
      const tables = medianReads(m.reads);
      const conversationsRead = tables.conversations ?? { pointReads: 0, entitiesListed: 0 };
      return {
        programs: p,
        conversationsStored: p * conversations,
        seedSeconds: m.seedSeconds,
        recipientsPerTick: median(m.recipients),
        tickMsMedian: median(m.tickMs),
        conversationPointReadMsMedian: median(m.pointReadMs),
        conversationRowsReadPerTick: conversationsRead.pointReads + conversationsRead.entitiesListed,
        readsPerTickByTable: tables,
      };
    };
    const a = summary(many, programs);
    const b = summary(one, 1);
    return {
      benchmark: 'programs',
      conversationsPerProgram: conversations,
      ticksMeasured: ticks,
      [`${programs}Programs`]: a,
      oneProgram: b,
      ratio: {
        tickMsMedian: Math.round((a.tickMsMedian / b.tickMsMedian) * 100) / 100,
        conversationRowsReadPerTick: Math.round((a.conversationRowsReadPerTick / b.conversationRowsReadPerTick) * 100) / 100,
        conversationPointReadMsMedian: Math.round((a.conversationPointReadMsMedian / b.conversationPointReadMsMedian) * 100) / 100,
      },
    };
  } finally {
    await azurite.stop();
  }
}
