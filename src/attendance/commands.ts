// The attendance commands as plain handlers: `teilnahme <Termin>` / `attendance <session>` for coordinators (the
// core gates them), and `keine nachholhinweise` / `no catch-up` with its reverse `nachholhinweise` / `catch-up`
// in a personal chat. `--program <id>` names the program where the conversation has several (or, for a
// coordinator's personal chat, none).
import { escapeCardText, type OutgoingMessage } from '../cards/adaptive.js';
import type { CommandHandler, TurnInput } from '../conversation/core.js';
import { resolveSession, sessionList } from '../feedback/index.js';
import { attendanceText } from '../i18n/attendance.js';
import type { Locale } from '../i18n/locale.js';
import type { Program, Session } from '../program/model.js';
import { sessionStart, sortedSessions } from '../program/time.js';
import type { Clock } from '../shared/clock.js';
import { attendanceReport } from './report.js';
import type { AttendanceService } from './service.js';
import { attendanceLines, attendanceTrendLine, type SessionAttendance } from './summary.js';

/** The conversation's program for a turn (ProgramScope.resolve fits). */
export interface TurnProgramResolver {
  resolve(
    turn: Pick<TurnInput, 'conversation'>,
    argument?: string,
    options?: { anyProgram?: boolean },
  ): Promise<{ kind: 'one'; program: Program } | { kind: 'choose'; candidates: Program[] } | { kind: 'none'; available: Program[] }>;
}

export interface AttendanceCommandDeps {
  attendance: AttendanceService;
  scope: TurnProgramResolver;
  registry: { setCatchUpOff(sighting: TurnInput['conversation'], off: boolean): Promise<void> };
  /** A person's display name in a session's meeting, asked only for programs with `attendance: named`; never stored. */
  nameOf: (aadObjectId: string, session: { programId: string; sessionId: string }) => Promise<string | undefined>;
  /** Whether a person coordinates a program (global or the program's own coordinators); others see nothing of it. */
  coordinates: (aadObjectId: string | undefined, program: Program) => boolean;
  clock: Clock;
}

export interface AttendanceCommands {
  attendance: CommandHandler;
  noCatchUp: CommandHandler;
  catchUp: CommandHandler;
}

/** Splits `--program <id>` off the argument. */
function programOption(argument: string): { program: string; rest: string } {
  const match = /(?:^|\s)--program\s+(\S+)/.exec(argument);
  if (!match) return { program: '', rest: argument.trim() };
  return { program: match[1]!, rest: `${argument.slice(0, match.index)} ${argument.slice(match.index + match[0].length)}`.trim() };
}

const reply = (text: string): OutgoingMessage[] => [{ text }];

export function createAttendanceCommands(deps: AttendanceCommandDeps): AttendanceCommands {
  const { attendance, scope } = deps;

  /** The sessions of the series that have begun, in time order. */
  const begun = (program: Program): Session[] => sortedSessions(program).filter((s) => s.status !== 'cancelled' && sessionStart(program, s).toJSDate() <= deps.clock.now());

  const seriesRows = async (program: Program): Promise<SessionAttendance[]> => {
    const sessions = begun(program);
    const trend = await attendance.trend(program.program.id, sessions.map((s) => s.id));
    return trend.map((row, i) => ({ sessionId: row.sessionId, title: escapeCardText(sessions[i]!.title), attendees: row.attendees }));
  };

  const sessionAnswer = async (program: Program, session: Session, locale: Locale): Promise<OutgoingMessage[]> => {
    const programId = program.program.id;
    const report = await attendanceReport(
      {
        sessionTitle: session.title,
        summary: await attendance.summary(programId, session.id),
        attendees: await attendance.attendees(programId, session.id),
        named: program.program.attendance === 'named',
        nameOf: (aad) => deps.nameOf(aad, { programId, sessionId: session.id }),
      },
      locale,
    );
    const trend = attendanceTrendLine(await seriesRows(program), locale);
    return reply(trend ? `${report}\n\n${trend}` : report);
  };

  const seriesAnswer = async (program: Program, locale: Locale): Promise<OutgoingMessage[]> => {
    const t = attendanceText(locale);
    const lines = attendanceLines(await seriesRows(program), locale);
    return reply([t.seriesTitle(escapeCardText(program.program.title)), '', ...(lines.length ? lines : [t.seriesNoData])].join('\n'));
  };

  const attendanceCommand: CommandHandler = async (turn, argument) => {
    const t = attendanceText(turn.locale);
    const { program: programArg, rest } = programOption(argument);
    const resolved = await scope.resolve(turn, programArg, { anyProgram: true });
    const programs = (resolved.kind === 'one' ? [resolved.program] : resolved.kind === 'choose' ? resolved.candidates : []).filter((p) =>
      deps.coordinates(turn.user.aadObjectId, p),
    );
    const choose = () => reply(t.chooseProgram(programs.map((p) => `\`${p.program.id}\``).join(', ')));
    if (!programs.length) return reply(t.noProgram);
    if (!rest) return programs.length === 1 ? seriesAnswer(programs[0]!, turn.locale) : choose();
    const found = programs.flatMap((program) => {
      const match = resolveSession(program, rest);
      return match.kind === 'found' ? [{ program, session: match.session }] : [];
    });
    if (found.length === 1) return sessionAnswer(found[0]!.program, found[0]!.session, turn.locale);
    if (found.length > 1 || programs.length > 1) return choose();
    const program = programs[0]!;
    const list = sessionList(program, sortedSessions(program));
    const match = resolveSession(program, rest);
    return reply(match.kind === 'ambiguous' ? t.ambiguousSession(escapeCardText(rest), list) : t.unknownSession(escapeCardText(rest), list));
  };

  const setCatchUp =
    (off: boolean): CommandHandler =>
    async (turn) => {
      const t = attendanceText(turn.locale);
      if (turn.conversation.kind !== 'personal') return reply(t.catchUpPersonalOnly);
      await deps.registry.setCatchUpOff(turn.conversation, off);
      return reply(off ? t.catchUpOff : t.catchUpOn);
    };

  return { attendance: attendanceCommand, noCatchUp: setCatchUp(true), catchUp: setCatchUp(false) };
}
