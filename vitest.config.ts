import { defineConfig } from 'vitest/config';

/**
 * Three projects, all in the README's test command:
 * - unit: node environment, connectors against simulators, services, parsers, the IPC wrapper (electron mock),
 *   the renderer's store over a fake bridge (tests/unit/renderer).
 * - integration: the real keychain (gnome-keyring under dbus-run-session, see scripts/with-keyring.sh) and disk.
 * - e2e: Debian's chromium driven by playwright-core against the web host and the sandbox.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          setupFiles: ['tests/mocks/electron.ts'],
          // electron-store imports 'electron' itself. Left external, Node would load the real npm package
          // (which throws without its binary, or tries to download it); inlined, its import gets the mock.
          server: { deps: { inline: ['electron-store'] } },
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'integration',
          environment: 'node',
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 30_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
