// `status [--json]`: is storage reachable, which programs are stored (each with its sessions, its followed
// conversations, its lint state and last refused import), which program folders were refused, how many
// conversations are registered, and who may use coordinator commands. Works while the service is stopped (it opens the same DATA_DIR) and
// beside a running one (it shares that service's embedded storage).
import { cliText } from '../i18n/cli.js';
import { describeProblem, isProblem, parseOptions } from './args.js';
import type { CliCommand } from './types.js';
import { ConversationRepository, FollowerIndex } from '../registry/index.js';
import { coordinatorPolicy, type CoordinatorPolicy } from '../conversation/index.js';
import { ProgramCatalog, type ProgramStatus } from '../program/index.js';
import { silentLogger } from '../shared/log.js';

export type CoordinatorSummary = ReturnType<CoordinatorPolicy['summary']>;

/** Who may use coordinator commands: the service's own policy over the same variables it reads at start. */
export function coordinatorSummary(env: NodeJS.ProcessEnv): CoordinatorSummary {
  const ids = (env.COORDINATOR_IDS ?? '').split(',').map((id) => id.trim()).filter(Boolean);
  return coordinatorPolicy(ids, !(env.MicrosoftAppId ?? '').trim()).summary();
}

const COORDINATOR_LINE: Record<CoordinatorSummary['mode'], (n: number) => string> = {
  everyone: () => 'everyone (local mode without COORDINATOR_IDS)',
  listed: (n) => `${n} listed in COORDINATOR_IDS`,
  nobody: () => 'NOBODY: COORDINATOR_IDS is empty, so no one can use coordinator commands',
};

export const statusCommand: CliCommand = {
  name: 'status',
  usage: 'status [--json]',
  summary: 'Storage, every program with its lint state and conversations, refused folders, registered conversations at a glance.',
  async run(args, ctx) {
    const parsed = parseOptions(args, { flags: ['json'] });
    if (isProblem(parsed) || parsed.positional.length) {
      const problem = isProblem(parsed) ? describeProblem(parsed) : cliText('de').unexpectedArgument(parsed.positional[0]!);
      ctx.err(`${problem}\nAufruf: ${statusCommand.usage}`);
      return 2;
    }
    const json = parsed.flags.has('json');
    const store = await ctx.storage();
    const reachable = await store.ping(5000);
    if (!reachable) {
      if (json) ctx.out(JSON.stringify({ storage: { reachable: false }, programs: null, program: null, conversations: null }));
      else ctx.out('Storage:        NOT reachable');
      return 1;
    }
    const conversations = await new ConversationRepository(store).countActive();
    const catalog = new ProgramCatalog({ store, clock: ctx.clock, logger: silentLogger, contentDir: ctx.contentDir });
    await catalog.load({ readOnly: true });
    const { programs: statuses, refusedFolders } = catalog.status();
    const followers = new FollowerIndex(store);
    const programs = await Promise.all(
      statuses.map(async (p) => ({ id: p.programId, title: p.title ?? null, sessions: p.sessions.length, conversations: await followers.count(p.programId) })),
    );
    const refused = refusedFolders.map((f) => ({ folder: f.folder, message: f.outcome.kind === 'refused' ? f.outcome.message : '' }));
    const coordinators = coordinatorSummary(ctx.env);
    if (json) {
      // `program`: the one program's full status, as before several programs; null when there are several.
      const program: ProgramStatus | null = statuses.length > 1 ? null : (statuses[0] ?? { version: 0, sessions: [], lint: [] });
      ctx.out(JSON.stringify({ storage: { reachable }, programs, program, refusedFolders: refused, conversations, coordinators }));
      return 0;
    }
    ctx.out(`Storage:        reachable`);
    ctx.out(`Programs:       ${statuses.length || 'none stored yet (the service imports CONTENT_DIR at start)'}`);
    for (const [i, p] of statuses.entries()) {
      const errors = p.lint.filter((f) => f.severity === 'error').length;
      ctx.out(`  ${p.programId}: ${p.title ?? '(not stored yet)'} (version ${p.version}, ${p.sessions.length} sessions, ${programs[i]!.conversations} conversations, folder ${p.folder || '-'})`);
      ctx.out(`    Lint:         ${errors} errors, ${p.lint.length - errors} warnings`);
      if (p.lastRefusal) ctx.out(`    Last refusal: ${p.lastRefusal.at}: ${p.lastRefusal.message}`);
    }
    for (const f of refused) ctx.out(`Refused folder: ${f.folder}: ${f.message}`);
    ctx.out(`Conversations:  ${conversations}`);
    ctx.out(`Coordinators:   ${COORDINATOR_LINE[coordinators.mode](coordinators.count)}`);
    return 0;
  },
};
