// The client test bed: in-memory Azurite, the real service in-process on a free port, the Microsoft 365
// Agents Playground as a child process pointed at it, and headless Chromium (Debian's) showing the
// Playground's page. Scenarios drive the page as a person would and assert on what it shows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { parseConfig } from '../../../src/config/config.js';
import { startService, type RunningService } from '../../../src/service.js';
import { startAzurite, freePort, type AzuriteHandle } from '../../../src/storage/azurite.js';
import { silentLogger } from '../../../src/shared/log.js';
import { ManualClock } from '../../../src/shared/clock.js';
import { startPlayground, type PlaygroundHandle } from '../../../scripts/playground.js';
import { PlaygroundPage } from './playground-page.js';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'screenshots', 'client');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Flags from TOOLCHAIN.md: no sandbox (root in CI), nothing that reaches the network on its own.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface ClientBed {
  azurite: AzuriteHandle;
  service: RunningService;
  playground: PlaygroundHandle;
  browser: Browser;
  /** The Playground's page, wrapped with chat helpers. */
  chat: PlaygroundPage;
  clock: ManualClock;
  stop(): Promise<void>;
}

export interface ClientBedOptions {
  /** Where the service's clock stands (default 2025-10-01 10:00 Berlin: two sessions past, three ahead). */
  now?: string;
  env?: Record<string, string>;
}

/** Starts everything, or stops what was already started and throws with a clear reason. */
export async function startClientBed(options: ClientBedOptions = {}): Promise<ClientBed> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it with "apt-get install -y --no-install-recommends chromium" (or set CHROMIUM_PATH)`);
  }
  const started: Array<() => Promise<unknown>> = [];
  const stopStarted = async () => {
    for (const stop of started.reverse()) await stop().catch(() => undefined);
  };
  try {
    const azurite = await startAzurite();
    started.push(() => azurite.stop());

    const clock = new ManualClock(options.now ?? '2025-10-01T08:00:00Z');
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'client-bed-'));
    started.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    const config = parseConfig(
      {
        PORT: '0',
        CONTENT_DIR: path.join(REPO_ROOT, 'content'),
        DATA_DIR: dataDir,
        STORAGE_CONNECTION_STRING: azurite.connectionString,
        LOG_LEVEL: 'silent',
        ...options.env,
      },
      REPO_ROOT,
    );
    // No cron ticks: scenarios move the clock and call service.scheduler.tick() themselves, so that a
    // reminder or poll goes out exactly when a scenario expects it.
    const service = await startService(config, { clock, logger: silentLogger, host: '127.0.0.1', startScheduler: false, watchContent: false });
    started.push(() => service.stop());

    const playground = await startPlayground({
      botEndpoint: `http://127.0.0.1:${service.port}/api/messages`,
      port: await freePort(),
      cwd: dataDir,
    });
    started.push(() => playground.stop());

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });
    started.push(() => browser.close());
    const page: Page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    // Every Playwright action (click, fill) gives up after 10 s instead of its default 30 s.
    page.setDefaultTimeout(10_000);
    const chat = new PlaygroundPage(page, playground);
    await chat.open();

    return { azurite, service, playground, browser, chat, clock, stop: stopStarted };
  } catch (error) {
    await stopStarted();
    throw error;
  }
}

export const DOC_IMAGE_DIR = path.join(REPO_ROOT, 'docs', 'images');
// The conversation list and the chat, without the toolbar and the Log Panel (viewport 1280x900).
const DOC_IMAGE_CLIP = { x: 68, y: 48, width: 882, height: 852 };

/**
 * Saves the page under screenshots/client/ (git-ignored) and returns its path. With `docImage` and
 * UPDATE_DOC_IMAGES=1 it also writes docs/images/<docImage>.png, cropped to the chat, for the README and the
 * guides (docs/architecture.md, "How it is tested").
 */
export async function saveScreenshot(bed: ClientBed, name: string, options: { docImage?: string } = {}): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await bed.chat.page.screenshot({ path: file, fullPage: false });
  if (options.docImage && process.env.UPDATE_DOC_IMAGES === '1') {
    fs.mkdirSync(DOC_IMAGE_DIR, { recursive: true });
    await bed.chat.page.screenshot({ path: path.join(DOC_IMAGE_DIR, `${options.docImage}.png`), clip: DOC_IMAGE_CLIP });
  }
  return file;
}
