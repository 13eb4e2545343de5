// `attendance: named`: a coordinator's `teilnahme <Termin>` names the attendees, asked from the meeting chat's
// roster in Teams (the fake connector's GET members) at that moment; nothing about names is stored. Someone who
// has left the meeting chat stays counted, without a name; a `counts` program never asks for names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/shared/clock.js';
import { listAll } from '../../src/storage/tables.js';
import { ATTENDANCE_TABLE } from '../../src/attendance/index.js';
import * as A from '../harness/activities.js';
import { contentDir, programYaml } from '../harness/content.js';
import { FakeConnector } from '../harness/fake-connector.js';
import { startTestBed, type TestBed } from '../harness/service.js';
import * as M from '../attendance/activities.js';

const meeting = M.meeting('NamentlicheReihe');
const sessions = [{ id: 'auftakt', title: 'Auftakt', date: '2030-06-03', start: '10:00', end: '12:00', joinUrl: meeting.joinUrl }];

describe.each(['named', 'counts'] as const)('teilnahme with attendance: %s', (setting) => {
  const connector = new FakeConnector();
  const clock = new ManualClock('2030-06-03T07:00:00Z');
  let bed: TestBed;
  const coordinator = A.user(80);
  const anna = A.user(81);
  const ben = A.user(82);

  beforeAll(async () => {
    await connector.start();
    const env = { CONTENT_DIR: contentDir(programYaml(sessions, { attendance: setting })), COORDINATOR_IDS: coordinator.aadObjectId };
    bed = await startTestBed({ connector, clock, env, service: { startScheduler: false } });
    for (const u of [coordinator, anna, ben]) await bed.post(A.personalInstall(bed.where, u));
    await bed.post(A.groupChatInstall(bed.where, meeting.chat, coordinator));
    // The meeting chat's roster as Teams knows it now: Ben has left the chat since.
    connector.rosters.set(meeting.chat, new Map([[anna.aadObjectId, 'Anna Amsel'], [coordinator.aadObjectId, 'Corinna Koordination']]));
    const at = (hhmm: string) => `2030-06-03T${hhmm}:00Z`;
    const send = (activity: object) => bed.post({ ...activity, serviceUrl: connector.url });
    clock.set(at('08:00'));
    await send(M.meetingStart(at('08:00'), coordinator, at('08:00'), meeting));
    // The event carries names; they must not be what the answer shows (they are never stored).
    await send(M.participantEvent('Join', [anna, ben, coordinator].map((u) => ({ id: u.id, aadObjectId: u.aadObjectId, name: `Event-${u.name}` })), at('08:00'), coordinator, meeting));
    clock.set(at('10:00'));
    await send(M.meetingEnd(at('10:00'), coordinator, at('10:00'), meeting));
    await bed.service.engine.idle();
  });
  afterAll(async () => {
    await bed?.stop();
    await connector.stop();
  });

  it('names attendees from the roster only when the program says so, and stores no name', async () => {
    await bed.post(A.personalMessage(bed.where, coordinator, 'teilnahme auftakt'));
    const answer = String(connector.messages(A.personalConversationId(coordinator)).at(-1)?.body.text);
    expect(answer).toContain('3 Personen haben teilgenommen');
    expect(answer).not.toContain('Event-');
    if (setting === 'named') {
      expect(answer).toContain('Anna Amsel');
      expect(answer).toContain('Corinna Koordination');
      expect(answer).toContain('1 weitere Person ohne bekannten Namen');
    } else {
      expect(answer).not.toContain('Anna Amsel');
    }
    const rows = await listAll<Record<string, unknown>>(await bed.service.storage.store.table(ATTENDANCE_TABLE));
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toMatch(/Amsel|Event-/);
  });
});
