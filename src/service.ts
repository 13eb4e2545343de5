// Assembly: config -> storage -> program -> features -> Teams app -> HTTP server -> scheduler.
// Reading this file top to bottom shows the whole system. src/index.ts only starts it.
// startService is longer than the 150 lines other functions keep to, on purpose: it is the one place where
// every piece is created in dependency order, and splitting it would hide that order across functions.
import type { Request, Response } from 'restify';
import type { AppConfig } from './config/config.js';
import { createLogger, type Logger } from './shared/log.js';
import { systemClock, type Clock } from './shared/clock.js';
import { openStorage, type OpenedStorage } from './storage/open.js';
import { CalendarFeeds, ConversationRepository, ConversationRegistry, ConversationRoles, FollowerIndex, RegistryAudience } from './registry/index.js';
import { ConversationCore, coordinatorPolicy, ProgramScope, type CoordinatorPolicy, type PersonalCalendar } from './conversation/index.js';
import { personalCalendarPath, ProgramCatalog } from './program/index.js';
import { createDeliveryEngine, type DeliveryEngine, type DeliverySettings } from './delivery/index.js';
import { createAnnouncementService, announcementBuilders, createRsvpAction, RsvpRepository, RSVP_VERB } from './announcements/index.js';
import { createScheduler, type Scheduler } from './scheduler/index.js';
import { FeedbackService } from './feedback/index.js';
import { createFeedbackConversation } from './feedback/conversation.js';
import { createFeedbackScheduling, feedbackBuilders } from './feedback/delivery.js';
import { FaqRepository, FaqService, ProgramFaqEngines } from './faq/index.js';
import { createFaqConversation } from './faq/conversation.js';
import { createCoordinationFeature, coordinationBuilders } from './coordination/index.js';
import { createDeleteMyData, loadFeedbackKey } from './privacy/index.js';
import {
  AttendanceRepository,
  MeetingChatRepository,
  attendanceBuilders,
  createAttendanceFeature,
  createAttendanceService,
  recipientBuckets,
  registryKnowsUser,
  rosterNames,
  sessionMaterial,
} from './attendance/index.js';
import { createAdapter, createAzureOpenAIComposer, createTeamsApp, createTeamsSender, incomingActivitySchema, processInbound } from './teams/index.js';
import { createHttpServer, type HttpServer } from './server/server.js';
import { readOnlyRoutes } from './server/routes.js';

export interface ServiceOptions {
  clock?: Clock;
  logger?: Logger;
  /** Bind address instead of the configured one (config.host). */
  host?: string;
  /** Start the node-cron scheduler (default true); tests may drive `scheduler.tick()` themselves. */
  startScheduler?: boolean;
  /** Watch CONTENT_DIR for material changes (default true). */
  watchContent?: boolean;
  /** Unique owner id of this instance's leases (default host:pid:random). */
  instanceId?: string;
}

export interface RunningService {
  port: number;
  /** The address the server listens on, as the socket reports it. */
  address: string;
  /** The HTTP server (its socket reports the listening address). */
  server: HttpServer['server'];
  url: string;
  storage: OpenedStorage;
  registry: ConversationRegistry;
  catalog: ProgramCatalog;
  engine: DeliveryEngine;
  scheduler: Scheduler;
  feedback: FeedbackService;
  stop(): Promise<void>;
}

/** The delivery engine's settings from the configuration (also used by bench/support/delivery-instance.ts). */
export function deliverySettings(config: AppConfig): Partial<DeliverySettings> {
  return {
    maxRps: config.DELIVERY_MAX_RPS,
    maxAttempts: config.DELIVERY_MAX_ATTEMPTS,
    concurrencyPerTenant: config.DELIVERY_CONCURRENCY,
    leaseMs: config.DELIVERY_LEASE_SECONDS * 1000,
    sendTimeoutMs: config.DELIVERY_SEND_TIMEOUT_SECONDS * 1000,
    retentionMs: config.DELIVERY_RETENTION_DAYS * 86_400_000,
  };
}

export async function startService(config: AppConfig, options: ServiceOptions = {}): Promise<RunningService> {
  const logger = options.logger ?? createLogger({ level: config.LOG_LEVEL });
  const clock = options.clock ?? systemClock;

  const host = options.host ?? config.host;
  const coordinators = coordinatorPolicy(config.COORDINATOR_IDS, config.localMode);
  warnAboutExposure(config, host, coordinators, logger);

  // Storage
  const storage = await openStorage(config, logger);
  const store = storage.store;
  const cleanups: Array<() => void | Promise<void>> = [];
  try {
    // Program: CONTENT_DIR/program.yaml is imported when it changed; Table storage stays the source of truth
    // (coordinator edits), and a program with lint errors is refused while the previous one stays active.
    // Every folder under CONTENT_DIR/programs/ (or CONTENT_DIR/program.yaml alone) is one program.
    const catalog = new ProgramCatalog({ store, clock, logger, contentDir: config.contentDir });
    await catalog.load();

    // Conversations and the Teams connection (the sender is the only way out to Teams)
    const registry = new ConversationRegistry({
      repository: new ConversationRepository(store),
      followers: new FollowerIndex(store),
      clock,
      logger,
      defaultProgram: () => (catalog.ids().length === 1 ? catalog.ids()[0] : undefined),
    });
    await registry.assignUndecided(catalog.ids().length === 1 ? catalog.ids()[0] : undefined);
    const scope = new ProgramScope(catalog, registry);
    // Questions are answered from the conversation's programs as read at most a few seconds ago (registry.recent).
    const answerScope = new ProgramScope(catalog, { get: (kind, id, teamId) => registry.recent(kind, id, teamId) });
    // Attendance from the meeting's own events (only people with a personal chat with the bot are known)
    const attendanceService = createAttendanceService({ repository: new AttendanceRepository(store), logger, knownUser: registryKnowsUser(registry) });
    const materialFor = (programId: string, sessionId: string) => sessionMaterial(catalog.dirOf(programId), sessionId);
    const roles = new ConversationRoles(store, registry);
    const adapter = createAdapter(config);
    const sender = createTeamsSender(adapter, config.MicrosoftAppId);

    // Feedback (polls, votes, retrospectives); the pseudonym key never sits in table storage
    const feedbackKey = await loadFeedbackKey({ configured: config.FEEDBACK_KEY, dataDir: config.dataDir, store, logger });
    const feedback = new FeedbackService({ store, program: catalog, clock, logger, feedbackKey });

    // Delivery: one engine for reminders, polls, results and coordinator broadcasts
    const engine = createDeliveryEngine({
      store,
      sender,
      audience: new RegistryAudience(registry),
      builders: {
        ...announcementBuilders({ publicBaseUrl: config.publicBaseUrl }),
        ...feedbackBuilders({ feedback, programs: catalog }),
        ...coordinationBuilders(),
        ...attendanceBuilders({ programs: catalog, materialFor, publicBaseUrl: config.publicBaseUrl, clock }),
      },
      clock,
      logger,
      ...(options.instanceId ? { ownerId: options.instanceId } : {}),
      settings: deliverySettings(config),
    });
    const graceMs = config.REMINDER_GRACE_MINUTES * 60_000;
    const announcements = createAnnouncementService({ engine, store, clock, logger, publicBaseUrl: config.publicBaseUrl, programs: catalog, graceMs });
    cleanups.push(announcements.watch());
    await announcements.sync();
    const attendance = createAttendanceFeature({
      attendance: attendanceService,
      meetingChats: new MeetingChatRepository(store),
      programs: catalog,
      registry,
      engine,
      scope,
      // Names are never stored: a named program's coordinators get them from the meeting chat's roster.
      nameOf: rosterNames({ programs: catalog, registry, memberName: (chat, aad) => sender.memberName(chat, aad) }),
      coordinates: (aad, program) => coordinators.isCoordinatorOf(aad, program),
      retentionDays: config.FEEDBACK_RETENTION_DAYS,
      clock,
      logger,
    });
    feedback.showAttendance((programId, sessions, locale, responses) => attendance.summaryLines(programId, sessions, locale, responses));
    const feedbackScheduling = createFeedbackScheduling({
      store,
      feedback,
      engine,
      programs: catalog,
      clock,
      logger,
      retentionDays: config.FEEDBACK_RETENTION_DAYS,
      attendeesToPoll: async (programId, sessionId) => {
        const chats = await attendance.attendeesToPoll(programId, sessionId);
        return chats && recipientBuckets(chats);
      },
    });

    // FAQ: one engine per program, from its folder; rebuilt when the program or its material changes
    const faqRepository = new FaqRepository(store);
    if (catalog.ids().length === 1) await faqRepository.assignUndecided(catalog.ids()[0]!);
    const faqEngines = new ProgramFaqEngines({ catalog, curated: (id) => faqRepository.listCurated(id), clock, logger, watch: options.watchContent ?? true });
    cleanups.push(() => faqEngines.stop());
    await faqEngines.start();
    // Optional generative mode: a model rewrites answers the offline engine found, citing only its passages.
    const composer =
      config.AZURE_OPENAI_ENDPOINT && config.AZURE_OPENAI_API_KEY && config.AZURE_OPENAI_DEPLOYMENT
        ? createAzureOpenAIComposer({ endpoint: config.AZURE_OPENAI_ENDPOINT, apiKey: config.AZURE_OPENAI_API_KEY, deployment: config.AZURE_OPENAI_DEPLOYMENT })
        : undefined;
    const programTitle = (id: string) => (catalog.ids().length > 1 ? catalog.get(id)?.program.title : undefined);
    const faq = new FaqService({ engines: faqEngines, repository: faqRepository, clock, logger, programTitle, ...(composer ? { composer } : {}) });

    // Conversation features
    const faqConversation = createFaqConversation({ faq, scope: answerScope, registry, roles, sender, coordinators, clock, logger });
    const feedbackConversation = createFeedbackConversation({ feedback, scope, registry });
    const coordination = createCoordinationFeature({
      programs: catalog,
      scope,
      registry,
      engine,
      announcements,
      store,
      clock,
      logger,
      coordinators,
      publicBaseUrl: config.publicBaseUrl,
      attendanceLines: (programId, sessions, locale, responses) => attendance.summaryLines(programId, sessions, locale, responses),
    });
    const rsvps = new RsvpRepository(store);
    // Personal calendar feeds: the public one has no join links; `termine` shows a participant their own.
    const calendarFeeds = new CalendarFeeds(store);
    const personalCalendar = personalCalendarOf(calendarFeeds, config.publicBaseUrl, clock);
    const deleteMyData = createDeleteMyData(
      {
        deleteResponses: async (aad) => (await feedback.deleteResponsesOf(aad)).total,
        deleteRsvps: (aad) => rsvps.deleteByUser(aad),
        deleteQuestions: (aad) => faqRepository.deleteByUser(aad),
        deleteRegistrations: (aad) => registry.deleteUser(aad),
        deleteCalendarFeed: (aad) => calendarFeeds.deleteFor(aad),
        deleteAttendance: (aad) => attendance.deleteByUser(aad),
      },
      logger,
    );
    const core = new ConversationCore({
      registry,
      scope,
      clock,
      logger,
      coordinators,
      commands: {
        ...coordination.commands,
        ...feedbackConversation.commands,
        ...faqConversation.commands,
        ...attendance.commands,
        deleteMyData: deleteMyData.command,
      },
      actions: { ...coordination.actions, ...feedbackConversation.actions, ...faqConversation.actions, ...deleteMyData.actions, [RSVP_VERB]: createRsvpAction(announcements) },
      questions: faqConversation.questions,
      personalCalendar,
    });

    // Teams
    adapter.onTurnError = async (context, error) => {
      logger.error({ event: 'turn.error', activityType: context.activity.type, err: error.message }, 'unhandled turn error');
    };
    const app = createTeamsApp({
      adapter,
      core,
      registry,
      logger,
      onMeetingEvent: async (event) => {
        // Attendance first, but a failure there must not keep the poll from opening.
        try {
          await attendance.onMeetingEvent(event);
        } catch (error) {
          logger.error({ event: 'attendance.event_failed', name: event.name, err: (error as Error).message }, 'attendance event not recorded');
        }
        if (event.name !== 'meetingEnd') return;
        const chat = event.turn.conversation;
        const linked = chat.kind === 'groupChat' ? (await registry.get('groupChat', chat.conversationId))?.meetingSession : undefined;
        await feedbackScheduling.meetingEnded({ joinUrl: event.joinUrl, conversationId: chat.conversationId, ...(linked ? { linkedSession: linked } : {}) });
      },
    });

    // Scheduler: every tick picks up program changes from other instances, then posts what is due.
    const scheduler = createScheduler({
      engine,
      logger,
      settings: { tick: config.SCHEDULER_TICK },
      beforeTick: async () => {
        await catalog.refresh();
        await announcements.sync();
        await feedbackScheduling.tick();
        await attendance.tick();
      },
    });

    // HTTP
    let stopping = false;
    const http: HttpServer = createHttpServer(
      {
        messages: async (req: Request, res: Response) => {
          if (stopping) {
            res.send(503, { error: 'shutting down' });
            return;
          }
          const parsed = incomingActivitySchema.safeParse(req.body);
          if (!parsed.success) {
            const issue = parsed.error.issues[0]!;
            logger.info({ event: 'activity.invalid', field: issue.path.join('.') }, 'malformed activity rejected');
            res.send(400, { error: `invalid activity: ${issue.path.join('.') || 'body'}: ${issue.message}` });
            return;
          }
          const authHeader = String(req.headers.authorization ?? '');
          const result = await processInbound(adapter, req.body, authHeader, (context) => app.run(context).then(() => undefined), logger);
          if (result.body === undefined) res.send(result.status);
          else res.send(result.status, result.body);
        },
        ...readOnlyRoutes({ store, catalog, calendarFeeds, baseUrl: config.publicBaseUrl, clock, stopping: () => stopping }),
      },
      logger,
    );
    const { port, address } = await http.listen(config.PORT, host);
    if (options.startScheduler ?? true) scheduler.start();
    logger.info({ event: 'service.started', port, address, storage: storage.mode, instance: engine.ownerId }, `listening on http://${address.includes(':') ? `[${address}]` : address}:${port}/api/messages`);

    return {
      port,
      address,
      server: http.server,
      url: `http://127.0.0.1:${port}`,
      storage,
      registry,
      catalog,
      engine,
      scheduler,
      feedback,
      stop: async () => {
        if (stopping) return;
        stopping = true;
        // Order matters: no new ticks, no new requests, then let runs hand back their leases.
        await scheduler.stop();
        await http.close(8000);
        await coordination.idle();
        await engine.stop();
        for (const cleanup of cleanups.reverse()) await cleanup();
        await storage.close();
        logger.info({ event: 'service.stopped' }, 'stopped');
      },
    };
  } catch (error) {
    for (const cleanup of cleanups.reverse()) await cleanup();
    await storage.close();
    throw error;
  }
}

/** Start-up warnings about who can reach the service and who counts as a coordinator; repeated every start. */
function warnAboutExposure(config: AppConfig, host: string, coordinators: CoordinatorPolicy, logger: Logger): void {
  if (config.localMode) logger.warn({ event: 'auth.localMode' }, 'MicrosoftAppId is not set: local mode, Bot Framework tokens are not checked');
  if (config.localMode && config.exposedUnauthenticated) {
    logger.warn({ event: 'auth.exposedUnauthenticated', host }, `ALLOW_UNAUTHENTICATED=true: listening on ${host} without any authentication; anyone who reaches this address can act as any user`);
  }
  const coordinatorWarning = coordinators.warning();
  if (coordinatorWarning) logger.warn({ event: 'coordinators.policy' }, coordinatorWarning);
}

/** A participant's personal calendar feed URL, and its reset (which revokes the previous URL). */
function personalCalendarOf(calendarFeeds: CalendarFeeds, baseUrl: string, clock: Clock): PersonalCalendar {
  return {
    url: async (aad) => `${baseUrl}${personalCalendarPath(await calendarFeeds.tokenFor(aad, clock.now()))}`,
    reset: async (aad) => `${baseUrl}${personalCalendarPath(await calendarFeeds.reset(aad, clock.now()))}`,
  };
}
