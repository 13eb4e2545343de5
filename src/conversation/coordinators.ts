// Who may act as a coordinator: the Entra object ids in COORDINATOR_IDS. In local mode with no ids
// everyone is (so the bot can be tried out); in production an empty list means nobody. Both are warned at start.
export interface CoordinatorPolicy {
  isCoordinator(aadObjectId: string | undefined): boolean;
  /** A line for the start-up log when the policy is unusual, else undefined. */
  warning(): string | undefined;
  /** everyone: local mode without ids; listed: the ids given; nobody: credentials but no ids. */
  summary(): { mode: 'everyone' | 'listed' | 'nobody'; count: number };
}

export function coordinatorPolicy(ids: readonly string[], localMode: boolean): CoordinatorPolicy {
  const set = new Set(ids.map((id) => id.toLowerCase()));
  const everyone = localMode && set.size === 0;
  return {
    isCoordinator: (aadObjectId) => everyone || (!!aadObjectId && set.has(aadObjectId.toLowerCase())),
    warning: () =>
      everyone
        ? 'COORDINATOR_IDS is empty in local mode: everyone is treated as a coordinator'
        : set.size === 0
          ? 'COORDINATOR_IDS is empty: nobody can use coordinator commands'
          : undefined,
    summary: () => ({ mode: everyone ? 'everyone' : set.size ? 'listed' : 'nobody', count: set.size }),
  };
}
