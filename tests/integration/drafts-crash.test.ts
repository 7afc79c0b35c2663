/**
 * Crash safety of the draft file on a real disk: a writer process is SIGKILLed while saving in a loop, at
 * a different point each time; afterwards a fresh store must read a complete draft, never a damaged one.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDraftStore } from '../../main/services/drafts';
import { tempDir } from '../unit/platform/support/canary';
import { minimalEnv, runFixture } from './support/child';

describe('draft file under SIGKILL', () => {
  it('always holds a complete draft, and a restart cleans up after the crash', async () => {
    const dataDir = await tempDir('exopen-crash-');
    let lastSeen = 0;
    for (let round = 0; round < 8; round++) {
      // Kill after a varying number of completed saves, so the kill lands at varying points of a write.
      const killAfter = 3 + ((round * 7) % 11);
      const result = await runFixture('draft-writer.ts', minimalEnv({ EXOPEN_CONNECT_DATA_DIR: dataDir, HOME: dataDir }), {
        onStdoutLine: (line, kill) => {
          if (line === `saved ${killAfter}`) kill();
        },
      });
      expect(result.signal, result.stderr).toBe('SIGKILL');

      const store = createDraftStore({ dataDir, secretFieldsOf: () => new Set() });
      const draft = await store.current();
      expect(store.notice).toBeUndefined();
      expect(draft).not.toBeNull();
      const savedRound = Number(draft?.fields.round);
      expect(savedRound).toBeGreaterThanOrEqual(killAfter);
      expect(draft?.selectedCompanies).toHaveLength(200);
      expect(draft?.selectedCompanies[0]).toBe(`company-${savedRound}-0`);
      lastSeen = savedRound;
      // Reading cleaned up any temp file the kill left behind.
      expect(readdirSync(path.join(dataDir, 'drafts'))).toEqual(['current.json']);
    }
    expect(lastSeen).toBeGreaterThan(0);
  });
});
