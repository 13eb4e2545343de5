// One bot instance for the attendance feature tests: the real registry, attendance service, delivery engine
// (with the fake connector) and Teams app over one set of Azurite tables, an injected clock. Two instances
// share the tables (and the connector) but nothing in memory.
import { TurnContext, type Activity } from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import {
  AttendanceRepository,
  MeetingChatRepository,
  attendanceBuilders,
  createAttendanceFeature,
  createAttendanceService,
  registryKnowsUser,
  type AttendanceFeature,
  type AttendanceService,
  type MeetingEventOutcome,
} from '../../src/attendance/index.js';
import type { ConversationCore, TurnInput } from '../../src/conversation/index.js';
import { createDeliveryEngine, type DeliveryEngine } from '../../src/delivery/index.js';
import { programSchema, type Program } from '../../src/program/model.js';
import { ConversationRegistry, ConversationRepository, FollowerIndex, RegistryAudience, type ConversationSighting } from '../../src/registry/index.js';
import type { ManualClock } from '../../src/shared/clock.js';
import { silentLogger } from '../../src/shared/log.js';
import { TableStore } from '../../src/storage/tables.js';
import { createTeamsApp } from '../../src/teams/index.js';
import * as A from '../harness/activities.js';
import type { FakeConnector } from '../delivery/fakes.js';

export const SERVICE_URL = 'https://smba.example.test/';
export const BASE_URL = 'https://bot.example.org';

/** A program with sessions in Europe/Berlin (UTC+1 in December). */
export function program(id: string, sessions: Array<{ id: string; date: string; start?: string; end?: string; joinUrl?: string; summary?: string }>, extra: Record<string, unknown> = {}): Program {
  return programSchema.parse({
    program: { id, title: `Programm ${id}`, timezone: 'Europe/Berlin', ...extra },
    sessions: sessions.map((s) => ({ title: `Termin ${s.id}`, start: '10:00', end: '12:00', ...s })),
  });
}

export class Catalog {
  constructor(readonly list: Program[]) {}
  programs(): Program[] {
    return this.list;
  }
  get(id: string): Program | undefined {
    return this.list.find((p) => p.program.id === id);
  }
}

export function personalSighting(u: A.UserRef): ConversationSighting {
  const conversationId = A.personalConversationId(u);
  return {
    kind: 'personal',
    conversationId,
    tenantId: A.TENANT_ID,
    serviceUrl: SERVICE_URL,
    reference: { conversation: { id: conversationId }, serviceUrl: SERVICE_URL },
    userAadObjectId: u.aadObjectId,
    userId: u.id,
    locale: 'de',
  };
}

export function personalTurn(u: A.UserRef, locale: 'de' | 'en' = 'de'): TurnInput {
  return { conversation: personalSighting(u), user: { id: u.id, aadObjectId: u.aadObjectId }, locale, text: '' };
}

export interface Instance {
  registry: ConversationRegistry;
  attendance: AttendanceService;
  feature: AttendanceFeature;
  engine: DeliveryEngine;
  outcomes: MeetingEventOutcome[];
  /** Hands an activity to the Teams app, as the HTTP endpoint would. */
  send(activity: object): Promise<void>;
  /** Runs every due delivery job of this instance to its end. */
  deliver(): Promise<void>;
}

/**
 * `coordinators`: who coordinates which program (aad id -> program ids); without it everyone coordinates
 * every program, as in local mode without COORDINATOR_IDS.
 */
export function instance(
  tables: TableStore,
  catalog: Catalog,
  clock: ManualClock,
  connector: FakeConnector,
  names: Record<string, string> = {},
  coordinators?: Record<string, string[]>,
): Instance {
  // Its own clients, as a second process would have.
  const store = new TableStore(tables.target, tables.prefix);
  const registry = new ConversationRegistry({ repository: new ConversationRepository(store), followers: new FollowerIndex(store), clock, logger: silentLogger });
  const attendance = createAttendanceService({ repository: new AttendanceRepository(store), logger: silentLogger, knownUser: registryKnowsUser(registry) });
  const engine = createDeliveryEngine({
    store,
    sender: connector.sender(),
    audience: new RegistryAudience(registry),
    builders: attendanceBuilders({
      programs: catalog,
      materialFor: (programId, sessionId) => [{ title: `folien-${sessionId}.pdf`, url: `${BASE_URL}/material/${programId}/${sessionId}/folien.pdf` }],
      publicBaseUrl: BASE_URL,
      clock,
    }),
    clock,
    logger: silentLogger,
    settings: { maxRps: 10_000, baseBackoffMs: 10, maxBackoffMs: 40 },
  });
  const feature = createAttendanceFeature({
    attendance,
    meetingChats: new MeetingChatRepository(store),
    programs: catalog,
    registry,
    engine,
    scope: {
      resolve: async (_turn, argument = '') => {
        const named = argument ? catalog.get(argument) : undefined;
        if (named) return { kind: 'one', program: named };
        return catalog.list.length === 1 ? { kind: 'one', program: catalog.list[0]! } : { kind: 'choose', candidates: catalog.list };
      },
    },
    nameOf: async (aad) => names[aad],
    coordinates: (aad, program) => !coordinators || (!!aad && (coordinators[aad] ?? []).includes(program.program.id)),
    retentionDays: 365,
    clock,
    logger: silentLogger,
  });
  const outcomes: MeetingEventOutcome[] = [];
  const adapter = new TeamsAdapter({});
  const app = createTeamsApp({
    adapter,
    core: {} as ConversationCore,
    registry,
    logger: silentLogger,
    clock,
    onMeetingEvent: async (event) => void outcomes.push(await feature.onMeetingEvent(event)),
  });
  return {
    registry,
    attendance,
    feature,
    engine,
    outcomes,
    send: async (activity) => void (await app.run(new TurnContext(adapter, activity as Activity))),
    deliver: async () => {
      const { started } = await engine.startDue();
      await Promise.all(started.map((h) => h.done));
    },
  };
}

/** People with a personal chat who follow the given programs (16 at a time). */
export async function enroll(registry: ConversationRegistry, people: readonly A.UserRef[], programIds: readonly string[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < people.length) {
      const s = personalSighting(people[next++]!);
      await registry.install(s);
      for (const id of programIds) await registry.follow(s, id);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}

export const users = (from: number, count: number) => Array.from({ length: count }, (_, i) => A.user(from + i));
