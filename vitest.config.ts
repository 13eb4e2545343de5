import { defineConfig } from 'vitest/config';

// Unit tests live next to the code (src/**/*.test.ts); end-to-end and harness tests under tests/.
// The Agents Playground tests need Chromium and run separately (`npm run test:client`).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['tests/client/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    setupFiles: ['./vitest.setup.ts'],
    globalSetup: ['./tests/harness/temp-root.ts'],
  },
});
