// One service instance's delivery side in a process of its own, for the pacing test and benchmark: the
// service's engine assembly (src/service.ts, deliverySettings) with the real Teams sender over botbuilder,
// on shared Table storage, sending to the connector at the conversations' serviceUrl. Its audience is a
// generated list of personal chats ("t<tenant>-c<n>", tenant "tenant-<tenant>"), the same in every instance.
// The parent drives it over the IPC channel:
//   → {type:'start', jobId}   claims the job as a coordinator broadcast does, ← {type:'started', jobId, ok}
//   ← {type:'done', jobId, outcome, counts} when a run ends
//   → {type:'stop'}           graceful stop (hands leases back), then exit
//   ← {type:'ready'} once the engine exists.
// Start: node --import tsx bench/support/delivery-instance.ts '<json InstanceOptions>' with an IPC channel;
// DELIVERY_* settings come from the environment as for the service.
import { parseConfig } from '../../src/config/config.js';
import { createDeliveryEngine, MemoryAudience } from '../../src/delivery/index.js';
import type { StoredConversation } from '../../src/registry/types.js';
import { deliverySettings } from '../../src/service.js';
import { systemClock } from '../../src/shared/clock.js';
import { createLogger, silentLogger } from '../../src/shared/log.js';
import { TableStore } from '../../src/storage/tables.js';
import { createAdapter } from '../../src/teams/adapter.js';
import { createTeamsSender } from '../../src/teams/sender.js';

export interface InstanceOptions {
  ownerId: string;
  connectionString: string;
  tablePrefix: string;
  serviceUrl: string;
  tenants: number;
  perTenant: number;
}

/** The personal chats every instance and the receiver agree on. */
export function pacingChats(tenants: number, perTenant: number, serviceUrl: string): StoredConversation[] {
  const now = new Date(0).toISOString();
  return Array.from({ length: tenants * perTenant }, (_, n) => {
    const t = Math.floor(n / perTenant);
    const id = `t${t}-c${n % perTenant}`;
    return {
      conversationId: id,
      kind: 'personal',
      tenantId: `tenant-${t}`,
      serviceUrl,
      reference: { conversation: { id, conversationType: 'personal', tenantId: `tenant-${t}` }, channelId: 'msteams', serviceUrl, bot: { id: 'bot' }, user: { id: `u-${id}` } },
      userAadObjectId: `aad-${id}`,
      locale: 'de',
      unsubscribed: false,
      removed: false,
      inactive: false,
      createdAt: now,
      updatedAt: now,
    } satisfies StoredConversation;
  });
}

/** The message a pacing job sends: its text names the job, so the receiver can tell deliveries apart. */
export const pacingText = (jobId: string) => `pacing ${jobId}`;

async function main(options: InstanceOptions): Promise<void> {
  const config = parseConfig({ ...process.env, STORAGE_CONNECTION_STRING: options.connectionString, TABLE_PREFIX: options.tablePrefix }, process.cwd());
  const logger = process.env.TEST_LOG ? createLogger({ level: process.env.TEST_LOG }) : silentLogger;
  const store = new TableStore({ kind: 'connectionString', connectionString: options.connectionString }, options.tablePrefix);
  const engine = createDeliveryEngine({
    store,
    sender: createTeamsSender(createAdapter(config), config.MicrosoftAppId),
    audience: new MemoryAudience(pacingChats(options.tenants, options.perTenant, options.serviceUrl)),
    builders: { pacing: (job) => ({ text: pacingText(job.jobId), summary: 'pacing' }) },
    clock: systemClock,
    logger,
    ownerId: options.ownerId,
    settings: deliverySettings(config),
  });
  process.on('message', (raw) => {
    const message = raw as { type: string; jobId?: string };
    if (message.type === 'start' && message.jobId) {
      const jobId = message.jobId;
      engine.start(jobId).then(
        (handle) => {
          process.send!({ type: 'started', jobId, ok: handle !== null });
          void handle?.done.then((r) => process.send!({ type: 'done', jobId, outcome: r.outcome, counts: r.counts }));
        },
        (error: Error) => process.send!({ type: 'started', jobId, ok: false, error: error.message }),
      );
    } else if (message.type === 'stop') {
      void engine.stop().finally(() => process.exit(0));
    }
  });
  process.on('disconnect', () => process.exit(0));
  process.send!({ type: 'ready' });
}

if (import.meta.url === `file://${process.argv[1]}`) void main(JSON.parse(process.argv[2] ?? '{}') as InstanceOptions);
