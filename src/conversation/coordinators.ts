// Who may act as a coordinator: the Entra object ids in COORDINATOR_IDS coordinate every program; a
// program's own `coordinators` (its YAML) coordinate that program only. In local mode with no ids
// everyone is (so the bot can be tried out); in production an empty list means nobody. Both are warned at start.
import type { Program } from '../program/model.js';

export interface CoordinatorPolicy {
  /** A coordinator of every program (COORDINATOR_IDS, or everyone in local mode without ids). */
  isCoordinator(aadObjectId: string | undefined): boolean;
  /** A coordinator of this program: of every program, or named in the program's own `coordinators`. */
  isCoordinatorOf(aadObjectId: string | undefined, program: Program): boolean;
  /** A line for the start-up log when the policy is unusual, else undefined. */
  warning(): string | undefined;
  /** everyone: local mode without ids; listed: the ids given; nobody: credentials but no ids. */
  summary(): { mode: 'everyone' | 'listed' | 'nobody'; count: number };
}

export function coordinatorPolicy(ids: readonly string[], localMode: boolean): CoordinatorPolicy {
  const set = new Set(ids.map((id) => id.toLowerCase()));
  const everyone = localMode && set.size === 0;
  const isCoordinator = (aadObjectId: string | undefined) => everyone || (!!aadObjectId && set.has(aadObjectId.toLowerCase()));
  return {
    isCoordinator,
    isCoordinatorOf: (aadObjectId, program) =>
      isCoordinator(aadObjectId) || (!!aadObjectId && program.program.coordinators.some((id) => id.toLowerCase() === aadObjectId.toLowerCase())),
    warning: () =>
      everyone
        ? 'COORDINATOR_IDS is empty in local mode: everyone is treated as a coordinator'
        : set.size === 0
          ? 'COORDINATOR_IDS is empty: nobody can use coordinator commands'
          : undefined,
    summary: () => ({ mode: everyone ? 'everyone' : set.size ? 'listed' : 'nobody', count: set.size }),
  };
}
