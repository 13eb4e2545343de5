// Which programs a turn is about. A team or group chat is linked to one program, a personal chat follows
// any number, a meeting chat belongs to its linked session's program. Features ask the scope instead of
// assuming one program, so `termine`, FAQ answers, results and coordinator commands stay inside the
// conversation's programs.
import type { Program, ProgramMatch } from '../program/index.js';
import type { ConversationRegistry, StoredConversation } from '../registry/index.js';
import type { TurnInput } from './core.js';

/** The part of the program catalog the conversation layer reads. */
export interface ProgramDirectory {
  ids(): string[];
  programs(): Program[];
  get(programId: string): Program | undefined;
  only(): Program | undefined;
  match(text: string): ProgramMatch;
}

export interface TurnPrograms {
  /** The active programs of this conversation, in the catalog's order. */
  programs: Program[];
  /** The registry entry, when the conversation is registered. */
  entry?: StoredConversation;
}

export class ProgramScope {
  constructor(
    readonly directory: ProgramDirectory,
    private readonly registry: Pick<ConversationRegistry, 'get'>,
  ) {}

  /** The programs a stored conversation belongs to (only active ones). */
  programsOfEntry(entry: StoredConversation | undefined): Program[] {
    if (entry?.meetingSession) {
      const program = this.directory.get(entry.meetingSession.split('/')[0]!);
      return program ? [program] : [];
    }
    // An entry not yet assigned (stored before programs were chosen): the only program, if there is one.
    const ids = entry?.programIds ?? (this.directory.only() ? [this.directory.only()!.program.id] : []);
    const wanted = new Set(ids);
    return this.directory.programs().filter((p) => wanted.has(p.program.id));
  }

  async forTurn(turn: Pick<TurnInput, 'conversation'>): Promise<TurnPrograms> {
    const c = turn.conversation;
    const entry = await this.registry.get(c.kind, c.conversationId, c.teamId);
    return { programs: this.programsOfEntry(entry), ...(entry ? { entry } : {}) };
  }

  /**
   * The programs a coordinator may act on from this turn: a linked team, group or meeting chat its own
   * program; a personal chat (and a chat not linked yet) every program. Whether the person coordinates
   * them is the coordinator policy's question.
   */
  async coordinationPool(turn: Pick<TurnInput, 'conversation'>): Promise<Program[]> {
    const own = (await this.forTurn(turn)).programs;
    return turn.conversation.kind !== 'personal' && own.length ? own : this.directory.programs();
  }

  /**
   * The one program a turn acts on: the conversation's only program, or the one named in `argument` among
   * the conversation's (or, for coordinators in a personal chat, among all). `choose` lists the candidates
   * when that is ambiguous; `none` means no program fits.
   */
  async resolve(
    turn: Pick<TurnInput, 'conversation'>,
    argument = '',
    options: { anyProgram?: boolean } = {},
  ): Promise<{ kind: 'one'; program: Program } | { kind: 'choose'; candidates: Program[] } | { kind: 'none'; available: Program[] }> {
    const own = (await this.forTurn(turn)).programs;
    const pool = options.anyProgram ? this.directory.programs() : own;
    if (argument.trim()) {
      const match = this.directory.match(argument);
      const allowed = (p: Program) => pool.some((q) => q.program.id === p.program.id);
      if (match.kind === 'one' && allowed(match.program)) return { kind: 'one', program: match.program };
      if (match.kind === 'several') {
        const candidates = match.candidates.filter(allowed);
        if (candidates.length === 1) return { kind: 'one', program: candidates[0]! };
        if (candidates.length) return { kind: 'choose', candidates };
      }
      return { kind: 'none', available: pool };
    }
    if (own.length === 1) return { kind: 'one', program: own[0]! };
    if (own.length > 1) return { kind: 'choose', candidates: own };
    const all = this.directory.programs();
    if (options.anyProgram && all.length === 1) return { kind: 'one', program: all[0]! };
    return options.anyProgram && all.length ? { kind: 'choose', candidates: all } : { kind: 'none', available: pool };
  }
}
