// Assembly: config -> storage -> program -> features -> Teams app -> HTTP server -> scheduler.
// Reading this file top to bottom shows the whole system. src/index.ts only starts it.
import type { Request, Response } from 'restify';
import type { AppConfig } from './config/config.js';
import { createLogger, type Logger } from './shared/log.js';
import { systemClock, type Clock } from './shared/clock.js';
import { openStorage, type OpenedStorage } from './storage/open.js';
import { ConversationRepository, ConversationRegistry } from './registry/index.js';
import { ConversationCore, coordinatorPolicy } from './conversation/index.js';
import { ProgramService, renderCalendar } from './program/index.js';
import { createAdapter, createTeamsApp, incomingActivitySchema } from './teams/index.js';
import { createHttpServer, type HttpServer } from './server/server.js';

export interface ServiceOptions {
  clock?: Clock;
  logger?: Logger;
  /** Bind address; tests use 127.0.0.1. */
  host?: string;
}

export interface RunningService {
  port: number;
  url: string;
  storage: OpenedStorage;
  registry: ConversationRegistry;
  stop(): Promise<void>;
}

export async function startService(config: AppConfig, options: ServiceOptions = {}): Promise<RunningService> {
  const logger = options.logger ?? createLogger({ level: config.LOG_LEVEL });
  const clock = options.clock ?? systemClock;

  if (config.localMode) logger.warn({ event: 'auth.localMode' }, 'MicrosoftAppId is not set: local mode, Bot Framework tokens are not checked');
  const coordinators = coordinatorPolicy(config.COORDINATOR_IDS, config.localMode);
  const coordinatorWarning = coordinators.warning();
  if (coordinatorWarning) logger.warn({ event: 'coordinators.policy' }, coordinatorWarning);

  // Storage
  const storage = await openStorage(config, logger);
  const store = storage.store;
  try {
    // Program: CONTENT_DIR/program.yaml is imported when it changed; Table storage stays the source of truth
    // (coordinator edits), and a program with lint errors is refused while the previous one stays active.
    const programs = new ProgramService({ store, clock, logger });
    const outcome = await programs.importFromContent(config.contentDir);
    if (outcome.kind === 'refused') logger.error({ event: 'program.refused', reason: outcome.reason, codes: outcome.findings.map((f) => f.code) }, outcome.message);
    const programLoaded = () => programs.active() !== undefined;

    // Features
    const registry = new ConversationRegistry({ repository: new ConversationRepository(store), clock, logger });
    const core = new ConversationCore({ registry, programs, clock, logger, coordinators });

    // Teams
    const adapter = createAdapter(config);
    adapter.onTurnError = async (context, error) => {
      logger.error({ event: 'turn.error', activityType: context.activity.type, err: error.message }, 'unhandled turn error');
    };
    const app = createTeamsApp({ adapter, core, registry, logger });

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
          await adapter.process(req, res, (context) => app.run(context).then(() => undefined));
        },
        health: async () => ({ ok: programLoaded(), body: { status: programLoaded() ? 'ok' : 'no program' } }),
        ready: async () => {
          const storageOk = await store.ping();
          const ok = storageOk && programLoaded();
          return { ok, body: { status: ok ? 'ready' : 'unavailable', storage: storageOk ? 'ok' : 'unavailable', program: programLoaded() ? 'ok' : 'missing' } };
        },
        calendar: async (sessionId) => {
          const program = programs.active();
          if (!program || (sessionId && !program.sessions.some((s) => s.id === sessionId))) return undefined;
          return renderCalendar(program, { sessionId, sequences: programs.sequences(), baseUrl: config.publicBaseUrl, now: clock.now() });
        },
      },
      logger,
    );
    const port = await http.listen(config.PORT, options.host);
    logger.info({ event: 'service.started', port, storage: storage.mode }, `listening on http://localhost:${port}/api/messages`);

    return {
      port,
      url: `http://127.0.0.1:${port}`,
      storage,
      registry,
      stop: async () => {
        if (stopping) return;
        stopping = true;
        await http.close(8000);
        await storage.close();
        logger.info({ event: 'service.stopped' }, 'stopped');
      },
    };
  } catch (error) {
    await storage.close();
    throw error;
  }
}
