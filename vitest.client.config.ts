import { defineConfig } from 'vitest/config';

// Browser scenarios against the Microsoft 365 Agents Playground (`npm run test:client`, see
// docs/client-testing.md). Each file starts its own service, Playground and headless Chromium; files run one
// after another so that several Chromiums never compete for the CPU of a shared CI machine.
export default defineConfig({
  test: {
    include: ['tests/client/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
