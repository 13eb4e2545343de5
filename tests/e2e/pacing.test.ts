// Pacing as Teams sees it: two instances (processes of their own, on one Azurite, each claiming and running a
// job of its own for the same tenants) send to a fake connector in a third process, which counts every request
// on arrival per tenant in a sliding 1 s window, refuses what goes over the limit (429), and injects 2% 429s
// and 1% 503s. Counted at the receiver: nobody gets a message twice or not at all, at most 0.5% of the
// requests are refused for the limit, and no tenant's busiest second holds more than 1.1 × its limit.
// (That the tenants also reach their limit is a throughput figure: `npm run bench -- delivery --mode instances`.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAzurite, type AzuriteHandle } from '../../src/storage/azurite.js';
import { runPacing, type PacingRun } from '../../bench/support/pacing-run.js';

let azurite: AzuriteHandle;

beforeAll(async () => {
  azurite = await startAzurite();
}, 30_000);

afterAll(async () => {
  await azurite?.stop();
});

async function measure(run: Omit<PacingRun, 'azurite' | 'p429' | 'p503' | 'instances'>) {
  const result = await runPacing({ ...run, azurite, instances: 2, p429: 0.02, p503: 0.01, timeoutMs: 60_000 });
  const { report } = result;
  expect(result.outcomes.map((o) => o.outcome)).toEqual(['done', 'done']);
  expect(report.tenants).toHaveLength(run.tenants);
  expect(report.duplicates).toBe(0);
  expect(report.losses, JSON.stringify(result.outcomes)).toBe(0);
  expect(report.unexpected).toBe(0);
  expect(report.refused_for_limit / report.requests).toBeLessThanOrEqual(0.005);
  for (const tenant of report.tenants) expect(tenant.peak_1s, tenant.tenant).toBeLessThanOrEqual(1.1 * run.limit);
  return report;
}

describe('pacing measured at a receiver in another process, two instances at once', () => {
  it('one tenant at 50/s: both instances send for it, the connector sees at most its limit', async () => {
    await measure({ tablePrefix: 'paceone', tenants: 1, perTenant: 400, limit: 50, seed: 1 });
  }, 90_000);

  it('five tenants at 25/s each: the same for every tenant', async () => {
    await measure({ tablePrefix: 'pacefive', tenants: 5, perTenant: 150, limit: 25, seed: 2 });
  }, 90_000);
});
