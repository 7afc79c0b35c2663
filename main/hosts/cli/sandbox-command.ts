/**
 * `exopen-connect sandbox`: starts every simulator and the sandbox backend and serves until SIGINT/SIGTERM.
 * With --json the first stdout line is one JSON object describing them (URLs, demo credentials per scenario,
 * and a ready-to-run test command for each).
 */
import type { Command } from 'commander';
import { resolveDataDir } from '../../platform/paths';
import { openSecretStore } from '../../platform/secrets';
import { tempDataDir } from './temp';

export function registerSandboxCommand(program: Command): void {
  program
    .command('sandbox')
    .description('start the vendor simulators and the sandbox Exopen backend on 127.0.0.1')
    .option('--json', 'print one JSON line describing the sandbox, then serve')
    .option('--latency <ms>', 'delay every simulator answer by this many milliseconds', '0')
    .option('--persist', 'keep sandbox backend data in the app data directory instead of a temporary one')
    .action(async (options: { json?: boolean; latency: string; persist?: boolean }) => {
      const latencyMs = Number(options.latency);
      if (!Number.isInteger(latencyMs) || latencyMs < 0) {
        process.stderr.write('--latency: give a whole number of milliseconds, e.g. --latency 50\n');
        process.exitCode = 1;
        return;
      }
      const dataDir = options.persist ? resolveDataDir() : await tempDataDir();
      // Loaded here, not with the CLI: the sandbox is a chunk of its own (scripts/build.mjs).
      const { startSandbox } = await import('../../sandbox');
      // With --persist the backend's fingerprint key is kept in the keychain, so a restart still recognises
      // the credentials it holds; a temporary sandbox needs it only in memory.
      const keyStore = options.persist ? await openSecretStore({ service: 'exopen-connect' }) : undefined;
      const sandbox = await startSandbox({ dataDir, latencyMs, ...(keyStore ? { keyStore } : {}) });
      const description = sandbox.describe();
      if (options.json) process.stdout.write(`${JSON.stringify(description)}\n`);
      else {
        process.stdout.write(`Sandbox Exopen backend: ${description.backend.url}\n`);
        for (const [system, url] of Object.entries(description.simulators)) process.stdout.write(`${system} simulator: ${url}\n`);
        for (const [system, scenarios] of Object.entries(description.scenarios))
          for (const scenario of scenarios) process.stdout.write(`  ${system}/${scenario.id}: ${scenario.title}\n    ${scenario.command}\n`);
        process.stdout.write('Press Ctrl+C to stop.\n');
      }
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await sandbox.close();
    });
}
