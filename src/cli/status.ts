// `status [--json]`: is storage reachable, which program is loaded, how many conversations are registered.
// Works while the service is stopped (it opens the same DATA_DIR) and beside a running one.
import path from 'node:path';
import type { CliCommand } from './types.js';
import { ConversationRepository } from '../registry/index.js';
import { loadProgramFile, ProgramLoadError } from '../program/load.js';

export const statusCommand: CliCommand = {
  name: 'status',
  usage: 'status [--json]',
  summary: 'Storage, program and registered conversations at a glance.',
  async run(args, ctx) {
    const json = args.includes('--json');
    const store = await ctx.storage();
    const reachable = await store.ping(5000);
    let conversations: number | null = null;
    if (reachable) conversations = await new ConversationRepository(store).countActive();
    let program: Record<string, unknown>;
    try {
      const loaded = await loadProgramFile(path.join(ctx.contentDir, 'program.yaml'));
      program = { loaded: true, id: loaded.program.program.id, title: loaded.program.program.title, sessions: loaded.program.sessions.length };
    } catch (error) {
      if (!(error instanceof ProgramLoadError)) throw error;
      program = { loaded: false, error: error.message };
    }
    const result = { storage: { reachable }, program, conversations };
    if (json) ctx.out(JSON.stringify(result));
    else {
      ctx.out(`Storage:        ${reachable ? 'reachable' : 'NOT reachable'}`);
      ctx.out(`Program:        ${program.loaded ? `${program.title} (${program.sessions} sessions)` : `not loaded: ${program.error}`}`);
      ctx.out(`Conversations:  ${conversations ?? 'unknown'}`);
    }
    return reachable ? 0 : 1;
  },
};
