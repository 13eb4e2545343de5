// `program purge --program ID [--yes]`: deletes the stored data of a program that is no longer active (its
// folder was removed; the catalog keeps its data until this command). Without --yes it asks on a terminal,
// and otherwise prints what it would delete and exits 1.
//
// What goes, every table in turn, and never another program's rows (each step reads by the program's own
// keys): its delivery jobs with their records and due hints, feedback responses and poll states, RSVPs, FAQ
// questions with their votes and escalations, curated FAQ entries, attendance and meeting choices, the program from every conversation that lists it and its
// followers index, and last its program rows, so that a purge cut short can be run again (the program still
// counts as stored until then).
// What stays: the audit trail. It records what coordinators did (ids and action codes, no participant
// answers) and is read month by month as the deployment's accountability record; a program's removal must
// not erase who changed what in it.
import { cliText } from '../i18n/cli.js';
import { describeProblem, isProblem, parseOptions } from './args.js';
import type { CliCommand, CliContext } from './types.js';
import { ProgramCatalog, ProgramRepository } from '../program/index.js';
import { DeliveryJobRepository, TableRecordStore, type DeliveryJob } from '../delivery/index.js';
import { jobProgramId } from '../delivery/job-program.js';
import { FeedbackRepository } from '../feedback/repository.js';
import { RsvpRepository } from '../announcements/rsvp-repository.js';
import { FaqRepository } from '../faq/repository.js';
import { AttendanceRepository, MeetingChatRepository } from '../attendance/index.js';
import { ConversationRegistry, ConversationRepository, FollowerIndex } from '../registry/index.js';
import { silentLogger } from '../shared/log.js';
import type { TableStore } from '../storage/tables.js';

const USAGE = 'program purge --program ID [--yes]';

interface PurgePlan {
  programId: string;
  version: number;
  jobs: DeliveryJob[];
  responses: number;
  polls: number;
  conversations: number;
}

async function planPurge(store: TableStore, programId: string): Promise<PurgePlan> {
  const jobs = (await new DeliveryJobRepository(store).list()).filter((j) => jobProgramId(j) === programId);
  const feedback = new FeedbackRepository(store);
  const responses = [...(await feedback.listProgramResponses(programId)).values()].reduce((n, list) => n + list.length, 0);
  const polls = (await feedback.listPolls(programId)).length;
  const conversations = await new FollowerIndex(store).count(programId);
  const version = (await new ProgramRepository(store, programId).getActive())?.version ?? 0;
  return { programId, version, jobs, responses, polls, conversations };
}

async function purge(store: TableStore, catalog: ProgramCatalog, ctx: CliContext, plan: PurgePlan): Promise<string[]> {
  const jobs = new DeliveryJobRepository(store);
  const records = new TableRecordStore(store);
  let recordCount = 0;
  for (const job of plan.jobs) {
    recordCount += await records.deleteJob(job.jobId);
    await jobs.deleteJob(job);
  }
  await jobs.programs.remove(plan.programId);
  const feedback = await new FeedbackRepository(store).deleteProgram(plan.programId);
  const rsvps = await new RsvpRepository(store).deleteProgram(plan.programId);
  const questions = await new FaqRepository(store).deleteProgram(plan.programId);
  const attendance = (await new AttendanceRepository(store).deleteProgram(plan.programId)) + (await new MeetingChatRepository(store).deleteProgram(plan.programId));
  const registry = new ConversationRegistry({ repository: new ConversationRepository(store), followers: new FollowerIndex(store), clock: ctx.clock, logger: silentLogger });
  const conversations = await registry.removeProgram(plan.programId);
  await catalog.purgeStored(plan.programId);
  const t = cliText('de');
  return [t.purgedJobs(plan.jobs.length, recordCount), t.purgedRows(feedback, rsvps, questions, attendance), t.purgedConversations(conversations), t.purgedProgram(plan.programId)];
}

export const programPurgeCommand: CliCommand = {
  name: 'program purge',
  usage: USAGE,
  summary: 'Deletes the stored data of a program whose folder was removed (asks first; --yes confirms). The audit trail stays.',
  async run(args, ctx) {
    const t = cliText('de');
    const parsed = parseOptions(args, { flags: ['yes'], values: ['program'] });
    const programId = isProblem(parsed) ? undefined : parsed.values.get('program');
    if (isProblem(parsed) || parsed.positional.length || !programId) {
      const problem = isProblem(parsed) ? `${describeProblem(parsed)}\n` : parsed.positional.length ? `${t.unexpectedArgument(parsed.positional[0]!)}\n` : '';
      ctx.err(`${problem}Aufruf: ${USAGE}`);
      return 2;
    }
    const store = await ctx.storage();
    const catalog = new ProgramCatalog({ store, clock: ctx.clock, logger: silentLogger, contentDir: ctx.contentDir });
    await catalog.load({ readOnly: true });
    if (catalog.has(programId)) {
      ctx.err(t.purgeActive(programId));
      return 1;
    }
    const inactive = await catalog.inactiveStoredIds();
    if (!inactive.includes(programId)) {
      ctx.err(t.purgeUnknown(programId, inactive));
      return 2;
    }
    const plan = await planPurge(store, programId);
    if (plan.jobs.some((j) => j.status === 'running')) {
      ctx.err(t.purgeRunning(programId));
      return 1;
    }
    ctx.out(t.purgePlan(programId, plan.version, plan.jobs.length, plan.responses, plan.polls, plan.conversations));
    const confirmed = parsed.flags.has('yes') || (ctx.confirm ? await ctx.confirm(t.purgeQuestion(programId)) : false);
    if (!confirmed) {
      ctx.err(ctx.confirm ? t.purgeDeclined : t.purgeNeedsYes(programId));
      return 1;
    }
    for (const line of await purge(store, catalog, ctx, plan)) ctx.out(line);
    return 0;
  },
};
