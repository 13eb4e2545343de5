// `status [--json]`: is storage reachable, which program is stored (and the last refused import), how many
// conversations are registered, and who may use coordinator commands. Works while the service is stopped (it opens the same DATA_DIR) and
// beside a running one (it shares that service's embedded storage).
import { cliText } from '../i18n/cli.js';
import { describeProblem, isProblem, parseOptions } from './args.js';
import type { CliCommand } from './types.js';
import { ConversationRepository } from '../registry/index.js';
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
  summary: 'Storage, the stored program with its lint state, and registered conversations at a glance.',
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
      if (json) ctx.out(JSON.stringify({ storage: { reachable: false }, program: null, conversations: null }));
      else ctx.out('Storage:        NOT reachable');
      return 1;
    }
    const conversations = await new ConversationRepository(store).countActive();
    const catalog = new ProgramCatalog({ store, clock: ctx.clock, logger: silentLogger, contentDir: ctx.contentDir });
    await catalog.load({ readOnly: true });
    const program: ProgramStatus = catalog.status().programs[0] ?? { version: 0, sessions: [], lint: [] };
    const coordinators = coordinatorSummary(ctx.env);
    if (json) {
      ctx.out(JSON.stringify({ storage: { reachable }, program, conversations, coordinators }));
      return 0;
    }
    ctx.out(`Storage:        reachable`);
    ctx.out(`Program:        ${program.programId ? `${program.title} (version ${program.version}, ${program.sessions.length} sessions)` : 'none stored yet (the service imports content/program.yaml at start)'}`);
    const errors = program.lint.filter((f) => f.severity === 'error').length;
    ctx.out(`Lint:           ${errors} errors, ${program.lint.length - errors} warnings`);
    if (program.lastRefusal) ctx.out(`Last refusal:   ${program.lastRefusal.at}: ${program.lastRefusal.message}`);
    ctx.out(`Conversations:  ${conversations}`);
    ctx.out(`Coordinators:   ${COORDINATOR_LINE[coordinators.mode](coordinators.count)}`);
    return 0;
  },
};
