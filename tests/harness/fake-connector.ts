// A local stand-in for the Bot Framework Connector (what Teams is "out there"). It records every
// POST/PUT under /v3/conversations and can answer with faults (429 with or without Retry-After, 503, 403,
// 404), slowly, or by breaking the connection, so tests see exactly what the bot sent and how it copes.
import http from 'node:http';
import crypto from 'node:crypto';

export interface RecordedCall {
  method: 'POST' | 'PUT';
  /** Decoded conversation id from the path. */
  conversationId: string;
  /** For PUT: the activity being updated; for POST: the replyToId in the path, if any. */
  activityId?: string;
  /** The id this connector assigned (POST). */
  assignedId?: string;
  body: any;
  at: number;
  status: number;
}

export interface FaultResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  delayMs?: number;
  /** Read the request, then break the connection without an answer (a reset after the request was written). */
  destroy?: boolean;
}

/** Decides per request whether to fault; return undefined to accept normally. */
export type FaultRule = (call: { method: string; conversationId: string; body: any; attempt: number }) => FaultResponse | undefined;

export class FakeConnector {
  readonly calls: RecordedCall[] = [];
  private server?: http.Server;
  private rules: FaultRule[] = [];
  private attemptsByKey = new Map<string, number>();
  /** Artificial latency for every accepted call. */
  latencyMs = 0;
  /** Conversation rosters for GET v3/conversations/{id}/members/{memberId}: conversation id -> Entra object id -> name. */
  readonly rosters = new Map<string, Map<string, string>>();
  url = '';

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
    return this.url;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  addFault(rule: FaultRule): void {
    this.rules.push(rule);
  }

  clearFaults(): void {
    this.rules = [];
  }

  reset(): void {
    this.calls.length = 0;
    this.attemptsByKey.clear();
    this.rules = [];
  }

  /** Accepted message posts (not typing indicators), optionally for one conversation. */
  messages(conversationId?: string): RecordedCall[] {
    return this.calls.filter(
      (c) => c.method === 'POST' && c.status < 300 && c.body?.type === 'message' && (!conversationId || c.conversationId === conversationId),
    );
  }

  updates(conversationId?: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === 'PUT' && c.status < 300 && (!conversationId || c.conversationId === conversationId));
  }

  async waitFor<T>(probe: () => T | undefined | false, timeoutMs = 10_000, what = 'condition'): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = probe();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`fake connector: timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  // restify patches http.ServerResponse when loaded in the same process, so writeHead is never chained.
  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: any;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    // v3 / conversations / {id} / activities / {activityId?}
    if (parts[0] !== 'v3' || parts[1] !== 'conversations') {
      res.writeHead(404);
      res.end();
      return;
    }
    if (req.method === 'GET' && parts[3] === 'members' && parts[4]) {
      // getConversationMember: Teams takes the Entra object id as the member id.
      const name = this.rosters.get(parts[2] ?? '')?.get(parts[4]);
      res.writeHead(name ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(name ? { id: `29:${parts[4]}`, name, aadObjectId: parts[4] } : { error: { code: 'MemberNotFoundInConversation', message: 'not a member' } }));
      return;
    }
    if (req.method === 'POST' && parts.length === 2) {
      // createConversation
      const id = `a:${crypto.randomUUID()}`;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id, activityId: crypto.randomUUID() }));
      return;
    }
    const conversationId = parts[2] ?? '';
    const activityId = parts[4];
    const method = req.method === 'PUT' ? 'PUT' : 'POST';
    const key = `${method}:${conversationId}:${body?.type}:${JSON.stringify(body?.attachments ?? body?.text ?? '').length}`;
    const attempt = (this.attemptsByKey.get(key) ?? 0) + 1;
    this.attemptsByKey.set(key, attempt);
    if (body?.type !== 'typing') {
      for (const rule of this.rules) {
        const fault = rule({ method, conversationId, body, attempt });
        if (fault) {
          if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
          this.calls.push({ method, conversationId, activityId, body, at: Date.now(), status: fault.status });
          if (fault.destroy) {
            req.socket.destroy();
            return;
          }
          res.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers });
          res.end(JSON.stringify(fault.body ?? { error: { code: 'Fault', message: `injected ${fault.status}` } }));
          return;
        }
      }
    }
    if (this.latencyMs) await new Promise((r) => setTimeout(r, this.latencyMs));
    const assignedId = method === 'PUT' ? activityId : crypto.randomUUID();
    this.calls.push({ method, conversationId, activityId, assignedId, body, at: Date.now(), status: 200 });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: assignedId }));
  }
}
