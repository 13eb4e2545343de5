// The program in the running service: calendar feeds over HTTP (one program, and several with a feed each and
// personal feeds over the programs a person follows), and a refused import that leaves the previous program
// active.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ical from 'node-ical';
import { soleProgram, startTestBed, REPO_ROOT, type TestBed } from '../harness/service.js';
import { startAzurite, type AzuriteHandle } from '../../src/storage/azurite.js';
import { runCli } from '../../src/cli/main.js';
import * as A from '../harness/activities.js';
import { ManualClock } from '../../src/shared/clock.js';
import { VERBS } from '../../src/coordination/index.js';
import { CalendarFeeds, CALENDAR_FEEDS_TABLE } from '../../src/registry/index.js';
import { personalCalendarPath } from '../../src/program/index.js';

let azurite: AzuriteHandle;
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => {
  await azurite?.stop();
});

describe('calendar feed', () => {
  let bed: TestBed;
  beforeAll(async () => {
    bed = await startTestBed({ azurite, env: { TABLE_PREFIX: 'cal' } });
  });
  afterAll(async () => bed?.stop());

  it('serves every session as iCalendar with the program zone, and one session per link', async () => {
    const res = await fetch(`${bed.service.url}/api/calendar.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const text = await res.text();
    expect(text).toContain('BEGIN:VTIMEZONE');
    expect(text).toContain('TZID:Europe/Berlin');
    const events = Object.values(ical.sync.parseICS(text)).filter((e) => e?.type === 'VEVENT') as ical.VEvent[];
    expect(events).toHaveLength(5);
    const dec = events.find((e) => e.uid.startsWith('data-governance-wegweiser@'))!;
    expect(dec.start.toISOString()).toBe('2025-12-16T09:00:00.000Z');

    const one = await fetch(`${bed.service.url}/api/calendar/auftakt.ics`);
    expect(one.status).toBe(200);
    const single = Object.values(ical.sync.parseICS(await one.text())).filter((e) => e?.type === 'VEVENT');
    expect(single).toHaveLength(1);

    // The program's own address serves the same feed in a deployment of one program.
    const own = await fetch(`${bed.service.url}/api/programs/stadt-daten-strategie/calendar.ics`);
    expect(Object.values(ical.sync.parseICS(await own.text())).filter((e) => e?.type === 'VEVENT')).toHaveLength(5);

    expect((await fetch(`${bed.service.url}/api/calendar/nope.ics`)).status).toBe(404);
    expect((await fetch(`${bed.service.url}/api/calendar/..%2Fetc.ics`)).status).toBe(404);
  });
});

describe('program import at start', () => {
  it('refuses a program with lint errors and keeps the previous one active', async () => {
    const env = { TABLE_PREFIX: 'imp' };
    const first = await startTestBed({ azurite, env });
    await first.stop();

    const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'plb-content-'));
    const yaml = fs.readFileSync(path.join(REPO_ROOT, 'content', 'program.yaml'), 'utf8').replace('date: 2025-12-16', 'date: 2026-12-16');
    expect(yaml).toContain('2026-12-16');
    fs.writeFileSync(path.join(broken, 'program.yaml'), yaml);

    const second = await startTestBed({ azurite, env: { ...env, CONTENT_DIR: broken } });
    try {
      const u = A.user(1);
      await second.post(A.personalMessage(second.where, u, 'termine'));
      const [text] = second.connector.messages(A.personalConversationId(u)).map((c) => String(c.body.text));
      expect(text).toContain('Dienstag, 16. Dezember 2025');
      expect(text).not.toContain('Dezember 2026');

      const out: string[] = [];
      const code = await runCli(['status', '--json'], { out: (s) => out.push(s), err: (s) => out.push(s) }, {
        STORAGE_CONNECTION_STRING: azurite.connectionString,
        TABLE_PREFIX: 'imp',
      });
      expect(code).toBe(0);
      const status = JSON.parse(out.join('\n'));
      expect(status.program.programId).toBe('stadt-daten-strategie');
      expect(status.program.lastRefusal.reason).toBe('lint-errors');
      expect(status.program.lastRefusal.findings.map((f: { code: string }) => f.code)).toContain('weekday-mismatch');
    } finally {
      await second.stop();
    }
  });

  it('stays alive and ready while no valid program was ever imported, and reports the missing program', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'plb-empty-'));
    const bed = await startTestBed({ azurite, env: { TABLE_PREFIX: 'none', CONTENT_DIR: empty } });
    try {
      // Liveness must not fail for a missing program: the platform would recycle the instance in a loop.
      expect((await fetch(`${bed.service.url}/healthz`)).status).toBe(200);
      const ready = await fetch(`${bed.service.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ storage: 'ok', program: 'missing' });
    } finally {
      await bed.stop();
    }
  });
});

/** Every element of a card, nested containers and columns included. */
function cardElements(card: unknown): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  const walk = (items: unknown): void => {
    if (!Array.isArray(items)) return;
    for (const item of items as Array<Record<string, unknown>>) {
      out.push(item);
      walk(item.items);
      walk(item.columns);
    }
  };
  walk((card as { body?: unknown }).body);
  return out;
}

function contentWith(yaml: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plb-zone-'));
  fs.writeFileSync(path.join(dir, 'program.yaml'), yaml);
  return dir;
}

const ZONED = [
  {
    zone: 'America/New_York',
    prefix: 'nyc',
    id: 'evening-series',
    times: { start: '18:30', end: '20:00' },
    // 8 December 2026, 18:30 EST (UTC−5) = 23:30Z; the P1D reminder is due 7 December 23:30Z.
    reminderDue: '2026-12-07T23:30:00.000Z',
    // An announcement for 2 December, 09:00 in New York.
    announceDue: '2026-12-02T14:00:00.000Z',
  },
  {
    zone: 'Asia/Kolkata',
    prefix: 'kol',
    id: 'morning-series',
    times: { start: '09:30', end: '11:00' },
    // 8 December 2026, 09:30 IST (UTC+5:30) = 04:00Z; the P1D reminder is due 7 December 04:00Z.
    reminderDue: '2026-12-07T04:00:00.000Z',
    // 2 December, 09:00 in Kolkata.
    announceDue: '2026-12-02T03:30:00.000Z',
  },
] as const;

describe('programs outside Europe/Berlin, end to end', () => {
  for (const c of ZONED) {
    it(`reads and shows every time in the program's zone: ${c.zone}`, async () => {
      const yaml = [
        'program:',
        `  id: ${c.id}`,
        '  title: Zone Series',
        `  timezone: ${c.zone}`,
        '  reminders: [P1D]',
        'sessions:',
        ...['2026-12-08', '2026-12-15'].flatMap((date, i) => [
          `  - id: s${i + 1}`,
          `    title: Session ${i + 1}`,
          `    date: ${date}`,
          `    start: "${c.times.start}"`,
          `    end: "${c.times.end}"`,
        ]),
        '',
      ].join('\n');
      const clock = new ManualClock('2026-12-01T12:00:00.000Z');
      const bed = await startTestBed({ azurite, clock, env: { TABLE_PREFIX: c.prefix, CONTENT_DIR: contentWith(yaml) }, service: { startScheduler: false } });
      try {
        const u = A.user(7);
        await bed.post(A.personalInstall(bed.where, u));
        const act = async (verb: string, data: Record<string, unknown> = {}) => (await bed.post(A.cardAction(bed.where, u, verb, data))).body.value;

        // Reminders: due at the session's local time minus the offset.
        expect((await bed.service.engine.jobs.get(`ann|${c.id}|s1|P1D`))?.dueAt).toBe(c.reminderDue);

        // A new session's form starts from the times the program's sessions use, not from a fixed default.
        const form = cardElements(await act(VERBS.sessionNew, { version: 1 }));
        expect(form.find((e) => e.id === 'start')?.value).toBe(c.times.start);
        expect(form.find((e) => e.id === 'end')?.value).toBe(c.times.end);

        // A scheduled announcement's time is read in the program's zone, and the card says which zone.
        expect(JSON.stringify(await act(VERBS.announceCompose))).toContain(`Versandzeit (${c.zone})`);
        const draft = { text: 'Bitte vormerken', audience: 'all', when: 'later', sendDate: '2026-12-02', sendTime: '09:00' };
        const preview = await act(VERBS.announcePreview, draft);
        expect(JSON.stringify(preview)).toContain('Versand geplant: Mi, 02.12.2026, 09:00 Uhr');
        const send = (preview.actions as Array<{ verb?: string; data: Record<string, unknown> }>).find((a) => a.verb === VERBS.announceSend)!;
        expect(JSON.stringify(await act(VERBS.announceSend, send.data))).toContain('02.12.2026, 09:00 Uhr geplant');
        const job = await bed.service.engine.jobs.get(`bc|${String(send.data.draftId)}`);
        expect(job?.dueAt).toBe(c.announceDue);

        // The reminder goes out at its time and shows the local times.
        clock.set(c.reminderDue);
        await bed.service.scheduler.tick();
        await bed.service.engine.idle();
        const reminder = bed.connector.messages(A.personalConversationId(u)).map((m) => JSON.stringify(m.body)).find((b) => b.includes('Session 1'));
        expect(reminder).toContain(`${c.times.start}–${c.times.end}`);

        // The calendar feed carries the program's zone.
        const ics = await (await fetch(`${bed.service.url}/api/calendar.ics`)).text();
        expect(ics).toContain(`TZID:${c.zone}`);
      } finally {
        await bed.stop();
      }
    });
  }
});

describe('source of truth: the stored program wins over a changed program.yaml', () => {
  it('refuses a changed file after a Teams edit, names the way out, and imports it with program import --force', async () => {
    const env = { TABLE_PREFIX: 'sot' };
    const clock = new ManualClock('2025-08-01T08:00:00Z');
    const seed = fs.readFileSync(path.join(REPO_ROOT, 'content', 'program.yaml'), 'utf8');
    const dir = contentWith(seed);
    const first = await startTestBed({ azurite, clock, env: { ...env, CONTENT_DIR: dir }, service: { startScheduler: false } });
    const u = A.user(3);
    try {
      // A coordinator (local mode: everyone) adds a session in Teams.
      await first.post(A.personalInstall(first.where, u));
      const saved = await first.post(A.cardAction(first.where, u, VERBS.sessionSave, { version: 1, date: '2025-10-01', start: '10:00', end: '12:00', title: 'Zusatztermin' }));
      expect(JSON.stringify(saved.body.value)).toContain('Gespeichert (Version 2)');
    } finally {
      await first.stop();
    }

    // Someone changes program.yaml meanwhile; the next start must not throw the Teams edit away.
    fs.writeFileSync(path.join(dir, 'program.yaml'), seed.replace('title: Abschluss', 'title: Abschlussrunde'));
    const second = await startTestBed({ azurite, clock, env: { ...env, CONTENT_DIR: dir }, service: { startScheduler: false } });
    try {
      expect(soleProgram(second.service).active()?.sessions.map((s) => s.title)).toContain('Zusatztermin');
      expect(soleProgram(second.service).version()).toBe(2);
      const refusal = soleProgram(second.service).status().lastRefusal!;
      expect(refusal.reason).toBe('edited-since-import');
      expect(refusal.findings[0]).toMatchObject({ code: 'stored-program-edited', severity: 'error' });
      expect(refusal.findings[0]!.suggestion).toContain('program export');
      expect(refusal.findings[0]!.suggestion).toContain('program import --force');
    } finally {
      await second.stop();
    }

    const cli = async (...args: string[]) => {
      const out: string[] = [];
      const code = await runCli(args, { out: (s) => out.push(s), err: (s) => out.push(s) }, { STORAGE_CONNECTION_STRING: azurite.connectionString, TABLE_PREFIX: 'sot', CONTENT_DIR: dir });
      return { code, out: out.join('\n') };
    };
    const refused = await cli('program', 'import');
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('stored-program-edited');
    const forced = await cli('program', 'import', '--force');
    expect(forced).toMatchObject({ code: 0 });
    expect(forced.out).toContain('Version 3');
    const exported = await cli('program', 'export');
    expect(exported.out).toContain('Abschlussrunde');
    expect(exported.out).not.toContain('Zusatztermin');
  });
});

describe('calendar feeds of several programs', () => {
  const yamlOf = (id: string, sessions: string[]) =>
    [
      'program:',
      `  id: ${id}`,
      `  title: "Reihe ${id}"`,
      '  timezone: Europe/Berlin',
      'sessions:',
      ...sessions.flatMap((s, i) => [`  - id: ${s}`, `    title: "${s}"`, `    date: 2027-03-0${i + 2}`, '    start: "10:00"', '    end: "11:00"', '    joinUrl: https://teams.microsoft.com/l/meetup-join/' + s]),
      '',
    ].join('\n');
  let bed: TestBed;
  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plb-several-'));
    for (const [folder, id, sessions] of [['a', 'klima', ['hitze', 'wasser']], ['b', 'daten', ['portal']]] as const) {
      fs.mkdirSync(path.join(dir, 'programs', folder, 'material'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'programs', folder, 'program.yaml'), yamlOf(id, [...sessions]));
    }
    bed = await startTestBed({ azurite, env: { TABLE_PREFIX: 'several', CONTENT_DIR: dir }, service: { startScheduler: false } });
  });
  afterAll(async () => bed?.stop());

  const uids = (text: string) =>
    (Object.values(ical.sync.parseICS(text)).filter((e) => e?.type === 'VEVENT') as ical.VEvent[]).map((e) => e.uid).sort();

  it('serves each program its own feed, one session per link, and 404 for what is not there', async () => {
    const klima = await fetch(`${bed.service.url}/api/programs/klima/calendar.ics`);
    expect(klima.status).toBe(200);
    const text = await klima.text();
    expect(uids(text)).toEqual(['hitze@klima', 'wasser@klima']);
    expect(text.replace(/\r\n[ \t]/g, '')).toMatch(/^URL:.*\/api\/programs\/klima\/calendar\.ics\r?$/m);
    expect(text).not.toContain('meetup-join');
    const portal = await fetch(`${bed.service.url}/api/programs/daten/calendar/portal.ics`);
    expect(uids(await portal.text())).toEqual(['portal@daten']);
    for (const missing of ['/api/programs/klima/calendar/portal.ics', '/api/programs/haushalt/calendar.ics', '/api/programs/..%2Fklima/calendar.ics', '/api/programs/klima/calendar/x%2F.ics']) {
      expect((await fetch(`${bed.service.url}${missing}`)).status, missing).toBe(404);
    }
  });

  it('answers the one-program feed with 404 and the per-program addresses; readiness counts the programs', async () => {
    const legacy = await fetch(`${bed.service.url}/api/calendar.ics`);
    expect(legacy.status).toBe(404);
    const text = await legacy.text();
    expect(text).toContain('mehrere Programme');
    expect(text).toContain('/api/programs/klima/calendar.ics');
    expect(text).toContain('/api/programs/daten/calendar.ics');
    const session = await fetch(`${bed.service.url}/api/calendar/portal.ics`);
    expect(session.status).toBe(404);
    expect(await session.text()).toContain('/api/programs/daten/calendar/portal.ics');
    expect(await (await fetch(`${bed.service.url}/readyz`)).json()).toEqual({ status: 'ready', storage: 'ok', program: 'ok', programs: 2 });
  });

  it('gives a person a feed of the programs they follow, with join links', async () => {
    const feeds = new CalendarFeeds(bed.service.storage.store);
    const personal = async (n: number) => {
      const u = A.user(n);
      await bed.post(A.personalInstall(bed.where, u));
      return { u, url: `${bed.service.url}${personalCalendarPath(await feeds.tokenFor(u.aadObjectId!, new Date()))}` };
    };
    const one = await personal(21);
    const none = await personal(22);
    await bed.post(A.personalMessage(bed.where, one.u, 'anmelden klima'));
    const klimaOnly = await (await fetch(one.url)).text();
    expect(uids(klimaOnly)).toEqual(['hitze@klima', 'wasser@klima']);
    expect(klimaOnly).toContain('meetup-join');
    await bed.post(A.personalMessage(bed.where, one.u, 'anmelden daten'));
    const both = await fetch(one.url);
    expect(both.headers.get('cache-control')).toBe('private, no-store');
    expect(uids(await both.text())).toEqual(['hitze@klima', 'portal@daten', 'wasser@klima']);
    const empty = await fetch(none.url);
    expect(empty.status).toBe(200);
    expect(uids(await empty.text())).toEqual([]);
    expect((await fetch(`${bed.service.url}${personalCalendarPath('A'.repeat(43))}`)).status).toBe(404);

    // A token stored before its row named the person is found through the person's row.
    const table = await bed.service.storage.store.table(CALENDAR_FEEDS_TABLE);
    const token = (await table.getEntity<{ token: string }>('feeds', `p.${one.u.aadObjectId!}`)).token;
    await table.upsertEntity({ partitionKey: 'feeds', rowKey: `t.${token}`, createdAt: new Date() }, 'Replace');
    expect(uids(await (await fetch(one.url)).text())).toEqual(['hitze@klima', 'portal@daten', 'wasser@klima']);
  });
});
