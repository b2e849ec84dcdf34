import { defineConfig } from 'vitest/config';

// Real-Chromium tests against the built extension in .output/chrome-mv3.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
