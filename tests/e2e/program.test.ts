// The program in the running service: calendar feed over HTTP, and a refused import that leaves the
// previous program active.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ical from 'node-ical';
import { startTestBed, REPO_ROOT, type TestBed } from '../harness/service.js';
import { startAzurite, type AzuriteHandle } from '../../src/storage/azurite.js';
import { runCli } from '../../src/cli/main.js';
import * as A from '../harness/activities.js';

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
