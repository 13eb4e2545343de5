// The HTTP edge: restify with the bot endpoint, health and readiness probes and the calendar feeds (the
// deployment's, each program's, and a participant's personal one; src/server/routes.ts answers them).
// Malformed or oversized bodies are answered 400/413 here and never reach the bot.
import restify, { type Request, type Response, type Server } from 'restify';
import type { Logger } from '../shared/log.js';

export interface HttpRoutes {
  /** POST /api/messages: body already parsed (JSON object). */
  messages(req: Request, res: Response): Promise<void>;
  /** GET /healthz: liveness (the process runs and serves). */
  health(): Promise<{ ok: boolean; body: Record<string, unknown> }>;
  /** GET /readyz: readiness (storage reachable); reports the programs without failing on them. */
  ready(): Promise<{ ok: boolean; body: Record<string, unknown> }>;
  /**
   * GET /api/calendar.ics and /api/calendar/:sessionId.ics (a deployment of one program); undefined = 404,
   * `notFound` = 404 with that plain text (e.g. the per-program feeds when there are several).
   */
  calendar?(sessionId: string | undefined): Promise<string | { notFound: string } | undefined>;
  /** GET /api/programs/:programId/calendar.ics and /api/programs/:programId/calendar/:sessionId.ics; undefined = 404. */
  programCalendar?(programId: string, sessionId: string | undefined): Promise<string | undefined>;
  /** GET /api/calendar/personal/:token.ics (join links included); undefined = 404 (wrong or revoked token). */
  personalCalendar?(token: string): Promise<string | undefined>;
}

export const MAX_BODY_BYTES = 256 * 1024;

/** Program and session ids: lowercase letters, digits and hyphens (the program schema's rule). */
const ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** The id in "<id>.ics", or undefined. */
function idOfFile(file: unknown): string | undefined {
  const match = /^(.+)\.ics$/.exec(String(file ?? ''));
  return match && ID.test(match[1]!) ? match[1] : undefined;
}

export interface HttpServer {
  server: Server;
  /** Listens on host (default 127.0.0.1); resolves with the port and address the socket reports. */
  listen(port: number, host?: string): Promise<{ port: number; address: string }>;
  /** Stops accepting connections and waits (bounded) for in-flight requests. */
  close(timeoutMs: number): Promise<void>;
  inFlight(): number;
}

export function createHttpServer(routes: HttpRoutes, logger: Logger): HttpServer {
  const server = restify.createServer({ name: 'peer-learning-bot', handleUncaughtExceptions: false });
  let inFlight = 0;
  let idle: (() => void) | undefined;

  server.use((req, res, next) => {
    inFlight++;
    res.once('close', () => {
      inFlight--;
      if (inFlight === 0) idle?.();
    });
    next();
  });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, mapFiles: false, rejectUnknown: false }));

  server.on('restifyError', (req: Request, res: Response, err: { statusCode?: number; message?: string }, callback: () => void) => {
    // Never leak internals: log the code, answer a short JSON body.
    const status = err.statusCode ?? 500;
    if (status >= 500) logger.error({ event: 'http.error', status, path: req.path(), err: err.message }, 'request failed');
    else logger.info({ event: 'http.rejected', status, path: req.path() }, 'request rejected');
    (err as { toJSON?: () => unknown }).toJSON = () => ({ error: status === 413 ? 'payload too large' : status === 400 ? 'bad request' : 'error' });
    callback();
  });

  server.post('/api/messages', async (req: Request, res: Response) => {
    if (!req.body || typeof req.body !== 'object' || Array.isArray(req.body)) {
      res.send(400, { error: 'expected a JSON activity' });
      return;
    }
    try {
      await routes.messages(req, res);
    } catch (error) {
      logger.error({ event: 'http.messages.failed', err: (error as Error).message }, 'message handling failed');
      if (!res.headersSent) res.send(500, { error: 'internal error' });
    }
  });

  server.get('/healthz', async (_req: Request, res: Response) => {
    const { ok, body } = await routes.health();
    res.send(ok ? 200 : 503, body);
  });
  server.get('/readyz', async (_req: Request, res: Response) => {
    const { ok, body } = await routes.ready();
    res.send(ok ? 200 : 503, body);
  });

  const sendIcs = (res: Response, ics: string | { notFound: string } | undefined, filename: string, personal = false) => {
    if (ics === undefined) {
      res.send(404, { error: 'not found' });
      return;
    }
    if (typeof ics === 'object') {
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.sendRaw(404, ics.notFound);
      return;
    }
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', `inline; filename="${filename}.ics"`);
    // A personal feed carries join links: no shared cache may keep it, no referrer may carry its URL on.
    if (personal) {
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('Referrer-Policy', 'no-referrer');
    }
    res.sendRaw(200, ics);
  };
  const sendCalendar = async (sessionId: string | undefined, res: Response) =>
    sendIcs(res, routes.calendar ? await routes.calendar(sessionId) : undefined, sessionId ?? 'program');
  server.get('/api/calendar.ics', async (_req: Request, res: Response) => sendCalendar(undefined, res));
  server.get('/api/calendar/personal/:file', async (req: Request, res: Response) => {
    const match = /^([A-Za-z0-9_-]{43})\.ics$/.exec(String(req.params.file ?? ''));
    const ics = match && routes.personalCalendar ? await routes.personalCalendar(match[1]!) : undefined;
    sendIcs(res, ics, 'program', true);
  });
  server.get('/api/calendar/:file', async (req: Request, res: Response) => {
    const sessionId = idOfFile(req.params.file);
    if (!sessionId) {
      res.send(404, { error: 'not found' });
      return;
    }
    await sendCalendar(sessionId, res);
  });
  const sendProgramCalendar = async (req: Request, res: Response, sessionId: string | undefined) => {
    const programId = String(req.params.programId ?? '');
    const ics = ID.test(programId) && routes.programCalendar ? await routes.programCalendar(programId, sessionId) : undefined;
    sendIcs(res, ics, sessionId ?? programId);
  };
  server.get('/api/programs/:programId/calendar.ics', async (req: Request, res: Response) => sendProgramCalendar(req, res, undefined));
  server.get('/api/programs/:programId/calendar/:file', async (req: Request, res: Response) => {
    const sessionId = idOfFile(req.params.file);
    if (!sessionId) {
      res.send(404, { error: 'not found' });
      return;
    }
    await sendProgramCalendar(req, res, sessionId);
  });

  return {
    server,
    inFlight: () => inFlight,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.removeListener('error', reject);
          const bound = server.server.address();
          resolve(typeof bound === 'object' && bound ? { port: bound.port, address: bound.address } : { port, address: host });
        });
      }),
    close: (timeoutMs) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          logger.warn({ event: 'http.closeTimeout', inFlight }, 'in-flight requests still open at shutdown');
          server.server.closeAllConnections?.();
          resolve();
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          resolve();
        };
        server.server.closeIdleConnections?.();
        server.close(() => done());
        if (inFlight === 0) idle = undefined;
        else idle = () => server.server.closeIdleConnections?.();
      }),
  };
}
