// Message-path benchmark: the service as a separate process on a separate Azurite, driven over HTTP
// keep-alive with 5,000 mixed activities (60% FAQ questions from tests/faq/eval.yaml, 30% poll votes from
// distinct people, 10% commands) at concurrency 32; then the same harness against bench/echo-bot.ts (same
// stack, no storage, no features). ratio = our p50 / the baseline's p50.
// Targets: no errors, p99 <= 150 ms, >= 300 activities/s, ratio <= 2.
// Usage: npm run bench -- messages [--activities 5000] [--concurrency 32] [--warmup 300] [--profile]
//   --profile runs the service with --cpu-prof and adds the top self-time functions to the output.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../src/storage/azurite.js';
import { cpuSeconds, drive, flag, httpClient, machine, option, procSample, spawnTs, stealMeter, startRecordingConnector, summarize } from './support/load.js';
import { summarizeProfile } from './support/profile.js';
import { installUsers, startBenchService, waitForPoll } from './support/setup.js';
import { faqQuestions, mixedActivities, serviceCheck } from './support/traffic.js';

const ASKERS = 200;
const VOTER_BASE = 10_000;
const WARMUP_VOTER_BASE = 500_000;

export default async function run(args: string[]): Promise<unknown> {
  const count = option(args, 'activities', 5000);
  const concurrency = option(args, 'concurrency', 32);
  const warmup = option(args, 'warmup', 300);
  const profileDir = flag(args, 'profile') ? fs.mkdtempSync(path.join(os.tmpdir(), 'plb-cpuprof-')) : undefined;
  const questions = faqQuestions();
  const before = machine();
  const steal = stealMeter();

  // Our service
  const bench = await startBenchService({ concurrency, nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [] });
  let ours;
  let rss;
  let posted;
  let cpu;
  try {
    await waitForPoll(bench);
    await installUsers(bench, 1, ASKERS, concurrency);
    await installUsers(bench, VOTER_BASE, Math.ceil(count * 0.3), concurrency);
    const traffic = { serviceUrl: bench.connector.url, askers: ASKERS };
    await drive(bench.client, mixedActivities(warmup, { ...traffic, voterBase: WARMUP_VOTER_BASE }, questions), concurrency, serviceCheck);
    const postedBefore = bench.connector.posted();
    const activities = mixedActivities(count, { ...traffic, voterBase: VOTER_BASE }, questions);
    const cpu0 = { service: cpuSeconds(bench.service.pid), azurite: cpuSeconds(bench.azurite.process.pid!) };
    const result = await drive(bench.client, activities, concurrency, serviceCheck);
    cpu = {
      service_s: Math.round((cpuSeconds(bench.service.pid) - cpu0.service) * 100) / 100,
      azurite_s: Math.round((cpuSeconds(bench.azurite.process.pid!) - cpu0.azurite) * 100) / 100,
      wall_s: Math.round(result.wallMs / 10) / 100,
    };
    ours = summarize(result, activities.map((a) => a.kind));
    rss = procSample(bench.service.pid).rss_mb;
    // Replies to messages go out through the connector; give the last ones a moment to arrive.
    await new Promise((r) => setTimeout(r, 500));
    posted = bench.connector.posted() - postedBefore;
  } finally {
    await bench.stop();
  }

  // Baseline: the echo bot on the same stack
  const connector = await startRecordingConnector();
  const echo = await spawnTs('bench/echo-bot.ts', {}, { port: await freePort() });
  const client = httpClient(echo.url, concurrency);
  let baseline;
  try {
    const traffic = { serviceUrl: connector.url, askers: ASKERS };
    await drive(client, mixedActivities(warmup, { ...traffic, voterBase: WARMUP_VOTER_BASE }, questions), concurrency);
    const result = await drive(client, mixedActivities(count, { ...traffic, voterBase: VOTER_BASE }, questions), concurrency);
    baseline = { ...summarize(result), rss_mb: procSample(echo.pid).rss_mb };
  } finally {
    client.close();
    await echo.stop();
    await connector.stop();
  }

  const profileFile = profileDir ? fs.readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile')) : undefined;
  return {
    ...ours,
    rss_mb: rss,
    replies_posted: posted,
    cpu,
    baseline,
    ratio: Math.round((ours.p50_ms / Math.max(0.1, baseline.p50_ms)) * 100) / 100,
    concurrency,
    machine: { ...before, loadavg_after: machine().loadavg, cpu_steal_pct: steal() },
    ...(profileDir ? { profile: profileFile ? { file: path.join(profileDir, profileFile), ...summarizeProfile(path.join(profileDir, profileFile)) } : 'no profile written' } : {}),
  };
}
