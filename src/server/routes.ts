// What the HTTP edge serves besides the bot endpoint: the probes and the calendar feeds.
// - /readyz: storage reachable; the programs are counted (`programs`) and `program` says ok | missing, as
//   before there were several, without failing readiness: coordinators must reach the bot to fix them.
// - /api/programs/<id>/calendar.ics and /api/programs/<id>/calendar/<sessionId>.ics: each active program's
//   public feed (no join links).
// - /api/calendar.ics and /api/calendar/<sessionId>.ics: the feed of a deployment with one program; with
//   several, a 404 naming the per-program feeds.
// - /api/calendar/personal/<token>.ics: the programs the token's person follows, with join links; with one
//   program that program, as before.
import type { Clock } from '../shared/clock.js';
import type { TableStore } from '../storage/tables.js';
import { CalendarFeeds, ConversationRepository } from '../registry/index.js';
import { programCalendarPath, renderCalendar, renderPersonalCalendar, type ProgramCatalog } from '../program/index.js';
import { programTexts } from '../i18n/program.js';
import type { HttpRoutes } from './server.js';

export interface ReadOnlyRouteDeps {
  store: TableStore;
  catalog: ProgramCatalog;
  calendarFeeds: CalendarFeeds;
  baseUrl: string;
  clock: Clock;
  stopping: () => boolean;
}

export function readOnlyRoutes(deps: ReadOnlyRouteDeps): Omit<HttpRoutes, 'messages'> {
  const { store, catalog, calendarFeeds, baseUrl, clock } = deps;
  const conversations = new ConversationRepository(store);
  const feedOf = (programId: string, sessionId: string | undefined, feedPath?: string) => {
    const program = catalog.get(programId);
    if (!program || (sessionId && !program.sessions.some((s) => s.id === sessionId))) return undefined;
    return renderCalendar(program, { sessionId, sequences: catalog.service(programId)!.sequences(), baseUrl, now: clock.now(), ...(feedPath ? { feedPath } : {}) });
  };
  return {
    // Liveness: the process runs and serves. A missing program must not get the instance recycled, or
    // coordinators could never reach the bot to fix it.
    health: async () => ({ ok: !deps.stopping(), body: { status: deps.stopping() ? 'stopping' : 'ok' } }),
    ready: async () => {
      const storageOk = !deps.stopping() && (await store.ping());
      const programs = catalog.programs().length;
      return { ok: storageOk, body: { status: storageOk ? 'ready' : 'unavailable', storage: storageOk ? 'ok' : 'unavailable', program: programs ? 'ok' : 'missing', programs } };
    },
    calendar: async (sessionId) => {
      const ids = catalog.ids();
      if (ids.length > 1) {
        const urls = ids.map((id) => `${baseUrl}${programCalendarPath(id, sessionId)}`);
        return { notFound: `${programTexts.de.severalCalendars(urls)}\n\n${programTexts.en.severalCalendars(urls)}\n` };
      }
      return ids.length ? feedOf(ids[0]!, sessionId) : undefined;
    },
    programCalendar: async (programId, sessionId) => feedOf(programId, sessionId, programCalendarPath(programId, sessionId)),
    // Public feeds carry no join links; the personal one (a valid token) does.
    personalCalendar: async (token) => {
      const ids = catalog.ids();
      if (ids.length <= 1) {
        const program = ids.length ? catalog.get(ids[0]!) : undefined;
        if (!program || !(await calendarFeeds.isValid(token))) return undefined;
        return renderCalendar(program, { personalToken: token, sequences: catalog.service(ids[0]!)!.sequences(), baseUrl, now: clock.now() });
      }
      const owner = await calendarFeeds.ownerOf(token);
      if (owner === undefined) return undefined;
      const chats = await conversations.findPersonalByUser(owner);
      const followed = new Set(chats.flatMap((c) => c.programIds ?? []));
      const sources = ids.filter((id) => followed.has(id) && catalog.get(id)).map((id) => ({ program: catalog.get(id)!, sequences: catalog.service(id)!.sequences() }));
      return renderPersonalCalendar(sources, { personalToken: token, baseUrl, now: clock.now(), locale: chats[0]?.locale ?? 'de' });
    },
  };
}
