// Announcement importer benchmark: `npm run bench -- import`.
// The evaluation programs under tests/faq/programs/ were written by other authors, each with its material and a
// program.yaml that states the true schedule. For every program this reads each material file (text, Markdown,
// HTML, Word, PDF, slides) as an announcement, keeps the draft with the most sessions, and compares it with
// program.yaml:
//   sessions        — sessions in program.yaml that take place (cancelled ones left out)
//   found           — sessions in the draft
//   exact           — program.yaml sessions the draft has with the same date, start and end
//   dates           — program.yaml sessions whose date the draft has
//   zone_ok         — the draft's zone gives the same offsets as program.yaml's on the session dates
//   findings        — the codes of the draft's findings
// Dates without a year are read against a reference 90 days before the program's first session.
import fs from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { importAnnouncement } from '../src/program/import-announcement.js';
import { parseProgramText } from '../src/program/load.js';
import { sameOffsets } from '../src/program/announcement/zones.js';
import { readAnnouncement } from '../src/program/announcement/read.js';

const root = path.resolve(import.meta.dirname, '../tests/faq/programs');
const key = (s: { date: string; start: string; end: string }) => `${s.date} ${s.start}-${s.end}`;

export default async function run(_args: string[]) {
  const programs: Record<string, unknown> = {};
  const totals = { sessions: 0, found: 0, exact: 0, dates: 0, zone_ok: 0, programs: 0 };
  for (const id of fs.readdirSync(root).sort()) {
    const programFile = path.join(root, id, 'program.yaml');
    if (!fs.existsSync(programFile)) continue;
    const truth = parseProgramText(fs.readFileSync(programFile, 'utf8'));
    const held = truth.sessions.filter((s) => s.status !== 'cancelled');
    const first = held.map((s) => s.date).sort()[0];
    const now = DateTime.fromISO(first ?? '2027-01-01', { zone: 'UTC' }).minus({ days: 90 }).toJSDate();
    let best: { file: string; result: ReturnType<typeof importAnnouncement> } | undefined;
    for (const file of fs.readdirSync(path.join(root, id, 'material')).sort()) {
      if (!/\.(md|txt|html?|docx|pptx|pdf)$/i.test(file)) continue;
      const result = importAnnouncement(await readAnnouncement(path.join(root, id, 'material', file)), { now });
      if (!best || result.draft.sessions.length > best.result.draft.sessions.length) best = { file, result };
    }
    const drafted = best?.result.draft.sessions ?? [];
    const exact = held.filter((s) => drafted.some((d) => key(d) === key(s))).length;
    const dates = held.filter((s) => drafted.some((d) => d.date === s.date)).length;
    const zoneOk = best ? sameOffsets(best.result.draft.program.timezone, truth.program.timezone, held) : false;
    programs[id] = {
      file: best?.file ?? null,
      sessions: held.length,
      found: drafted.length,
      exact,
      dates,
      zone: best?.result.draft.program.timezone ?? null,
      zone_ok: zoneOk,
      findings: best?.result.findings.map((f) => f.code) ?? [],
    };
    totals.programs += 1;
    totals.sessions += held.length;
    totals.found += drafted.length;
    totals.exact += exact;
    totals.dates += dates;
    totals.zone_ok += zoneOk ? 1 : 0;
  }
  return {
    programs,
    totals: { ...totals, exact_share: totals.sessions ? Number((totals.exact / totals.sessions).toFixed(3)) : 0 },
  };
}
