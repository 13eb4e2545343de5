// Message-path benchmark on production's path: the service as a separate process on a separate Azurite, with
// Bot Framework authentication on (every activity carries a signed channel token that botbuilder checks
// against a local OpenID stand-in, every reply carries the bot's token: bench/support/channel-auth.ts), driven
// over HTTP keep-alive with 5,000 mixed activities (60% FAQ questions that never repeat, 30% poll votes from
// distinct people, 10% commands; German and English) at concurrency 32; then the same harness against
// bench/echo-bot.ts (same stack, same authentication, no storage, no features). ratio = our p50 / the
// baseline's p50. faq_cache: how many questions the FAQ's answer memo served, counted in the service.
// requests: the service's outgoing HTTP requests per timed activity (storage by method and table, connector).
// Targets: no errors, p99 <= 150 ms, >= 300 activities/s, ratio <= 2.
// Usage: npm run bench -- messages [--activities 5000] [--concurrency 32] [--warmup 300] [--profile]
//   --profile runs the service with --cpu-prof and adds the top self-time functions to the output.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../src/storage/azurite.js';
import { cpuSeconds, drive, flag, httpClient, machine, option, procSample, spawnTs, stealMeter, startRecordingConnector, summarize } from './support/load.js';
import { summarizeProfile } from './support/profile.js';
import { ChannelAuth } from './support/channel-auth.js';
import { installUsers, startBenchService, waitForPoll, type BenchService } from './support/setup.js';
import { mixedActivities, QuestionStream, repeatedShare, serviceCheck } from './support/traffic.js';

const ASKERS = 200;
const VOTER_BASE = 10_000;
const WARMUP_VOTER_BASE = 500_000;

/** The FAQ answer memo over the timed phase: questions asked, served from the memo, and the texts sent. */
function faqCache(before: { asks: number; misses: number }, after: { asks: number; misses: number }, texts: string[]) {
  const asks = after.asks - before.asks;
  const hits = asks - (after.misses - before.misses);
  return { questions: asks, hits, hit_rate: asks ? Math.round((hits / asks) * 1000) / 1000 : 0, repeated_texts_share: Math.round(repeatedShare(texts) * 1000) / 1000 };
}

/** The service's outgoing requests over the timed phase, per activity: storage by method and table, and the connector. */
function roundTrips(before: Record<string, number>, after: Record<string, number>, activities: number) {
  const per = (n: number) => Math.round((n / activities) * 100) / 100;
  const by = Object.entries(after)
    .map(([kind, n]) => [kind, n - (before[kind] ?? 0)] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  const storage = by.filter(([kind]) => !kind.endsWith(' connector') && !kind.endsWith(' other')).reduce((a, [, n]) => a + n, 0);
  const connector = by.filter(([kind]) => kind.endsWith(' connector')).reduce((a, [, n]) => a + n, 0);
  return { storage_per_activity: per(storage), connector_per_activity: per(connector), by_kind_per_activity: Object.fromEntries(by.map(([kind, n]) => [kind, per(n)])) };
}

const faqTexts = (activities: Array<{ kind: string; body: unknown }>) => activities.filter((a) => a.kind === 'faq').map((a) => String((a.body as { text?: unknown }).text));

async function measureService(bench: BenchService, count: number, warmup: number, concurrency: number) {
  await waitForPoll(bench);
  await installUsers(bench, 1, ASKERS, concurrency);
  await installUsers(bench, VOTER_BASE, Math.ceil(count * 0.3), concurrency);
  const traffic = { serviceUrl: bench.connector.url, askers: ASKERS };
  const questions = new QuestionStream();
  const warm = mixedActivities(warmup, { ...traffic, voterBase: WARMUP_VOTER_BASE }, questions);
  bench.auth.prepare(warm);
  await drive(bench.client, warm, concurrency, serviceCheck);
  const activities = mixedActivities(count, { ...traffic, voterBase: VOTER_BASE }, questions);
  bench.auth.prepare(activities);
  const postedBefore = bench.connector.posted();
  const memoBefore = await bench.faqMemo();
  const cpu0 = { service: cpuSeconds(bench.service.pid), azurite: cpuSeconds(bench.azurite.process.pid!) };
  const result = await drive(bench.client, activities, concurrency, serviceCheck);
  const cpu = {
    service_s: Math.round((cpuSeconds(bench.service.pid) - cpu0.service) * 100) / 100,
    azurite_s: Math.round((cpuSeconds(bench.azurite.process.pid!) - cpu0.azurite) * 100) / 100,
    wall_s: Math.round(result.wallMs / 10) / 100,
  };
  const ours = summarize(result, activities.map((a) => a.kind));
  const rss = procSample(bench.service.pid).rss_mb;
  const memoAfter = await bench.faqMemo();
  const memo = faqCache(memoBefore, memoAfter, faqTexts(activities));
  const requests = roundTrips(memoBefore.requests, memoAfter.requests, count);
  // Replies to messages go out through the connector; give the last ones a moment to arrive.
  await new Promise((r) => setTimeout(r, 500));
  return { ours, rss, cpu, memo, requests, posted: bench.connector.posted() - postedBefore, refused: bench.connector.unauthorized() };
}

async function measureBaseline(auth: ChannelAuth, count: number, warmup: number, concurrency: number) {
  const connector = await startRecordingConnector({ authorization: `Bearer ${auth.connectorToken}` });
  const echo = await spawnTs('bench/echo-bot.ts', auth.env(), { port: await freePort() });
  const client = httpClient(echo.url, concurrency, (body) => auth.authorization(body));
  try {
    const traffic = { serviceUrl: connector.url, askers: ASKERS };
    const questions = new QuestionStream();
    const warm = mixedActivities(warmup, { ...traffic, voterBase: WARMUP_VOTER_BASE }, questions);
    const activities = mixedActivities(count, { ...traffic, voterBase: VOTER_BASE }, questions);
    auth.prepare([...warm, ...activities]);
    await drive(client, warm, concurrency);
    const result = await drive(client, activities, concurrency);
    return { ...summarize(result), rss_mb: procSample(echo.pid).rss_mb, replies_refused: connector.unauthorized() };
  } finally {
    client.close();
    await echo.stop();
    await connector.stop();
  }
}

export default async function run(args: string[]): Promise<unknown> {
  const count = option(args, 'activities', 5000);
  const concurrency = option(args, 'concurrency', 32);
  const warmup = option(args, 'warmup', 300);
  const profileDir = flag(args, 'profile') ? fs.mkdtempSync(path.join(os.tmpdir(), 'plb-cpuprof-')) : undefined;
  const before = machine();
  const steal = stealMeter();
  const auth = await ChannelAuth.start();
  try {
    const bench = await startBenchService({ concurrency, auth, nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [] });
    let measured;
    try {
      measured = await measureService(bench, count, warmup, concurrency);
    } finally {
      await bench.stop();
    }
    const baseline = await measureBaseline(auth, count, warmup, concurrency);
    const { ours, rss, cpu, memo, requests, posted, refused } = measured;
    const ratio = Math.round((ours.p50_ms / Math.max(0.1, baseline.p50_ms)) * 100) / 100;
    const profileFile = profileDir ? fs.readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile')) : undefined;
    return {
      ...ours,
      rss_mb: rss,
      replies_posted: posted,
      replies_refused: refused,
      faq_cache: memo,
      auth: { token_checks: true, tokens_signed: auth.signed, openid_requests: auth.metadataRequests.length },
      cpu,
      requests,
      baseline,
      ratio,
      targets: { no_errors: ours.errors === 0 && refused === 0, p99_le_150ms: ours.p99_ms <= 150, throughput_ge_300: ours.throughput_per_s >= 300, ratio_le_2: ratio <= 2 },
      concurrency,
      machine: { ...before, loadavg_after: machine().loadavg, cpu_steal_pct: steal() },
      ...(profileDir ? { profile: profileFile ? { file: path.join(profileDir, profileFile), ...summarizeProfile(path.join(profileDir, profileFile)) } : 'no profile written' } : {}),
    };
  } finally {
    await auth.stop();
  }
}
