import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['test/unit/setup-i18n.ts'],
    // Hang guards, not speed checks (the bench measures speed): tests that train the persona model or
    // render the panel over fake IndexedDB can take several seconds while two cores are shared.
    testTimeout: 30_000,
  },
});
