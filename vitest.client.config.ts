import { defineConfig } from 'vitest/config';

// Browser scenarios against the Microsoft 365 Agents Playground (`npm run test:client`, see
// the README, "Browser tests"). Each file starts its own service, Playground and headless Chromium; files run one
// after another: side by side (three at a time) was measured only 9% faster on a shared machine, and less
// predictable.
export default defineConfig({
  test: {
    include: ['tests/client/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    pool: 'forks',
    fileParallelism: false,
    globalSetup: ['./tests/harness/temp-root.ts'],
  },
});
