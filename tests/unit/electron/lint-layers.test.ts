import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/** The layer rules of eslint.config.js, checked by linting one-line files placed in each layer. */
const root = join(__dirname, '..', '..', '..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function restrictedIn(filePath: string, specifier: string): Promise<boolean> {
  const [result] = await eslint.lintText(`import '${specifier}';\n`, { filePath: join(root, filePath) });
  return result!.messages.some((message) => message.ruleId === 'no-restricted-imports');
}

describe('eslint layer rules', () => {
  it.each([
    ['main/services/x.ts', 'electron'],
    ['main/connectors/netvisor/x.ts', 'electron'],
    ['main/platform/x.ts', 'electron'],
    ['preload/contract.ts', 'electron'],
    ['tests/unit/x.test.ts', 'electron'],
    ['renderer/src/x.tsx', 'electron'],
    ['renderer/src/x.tsx', 'node:fs'],
    ['renderer/src/x.tsx', 'fs'],
    ['renderer/src/x.tsx', 'path'],
    ['renderer/src/x.tsx', 'http'],
    ['renderer/src/x.tsx', 'axios'],
    ['renderer/src/x.tsx', 'keytar'],
    ['renderer/src/x.tsx', 'conf'],
    ['renderer/src/x.tsx', '../../main/services/runtime'],
    ['renderer/src/x.tsx', '../../main/connectors/netvisor/client'],
    ['main/services/x.ts', '../../renderer/src/App'],
    ['main/connectors/x.ts', '../renderer/src/store'],
    ['main/electron/x.ts', '../../renderer/src/App'],
    ['main/platform/x.ts', 'electron-store'],
    ['main/services/x.ts', 'electron-store'],
    ['main/hosts/cli/x.ts', 'electron-store'],
    ['preload/index.ts', 'electron-store'],
    ['renderer/src/x.tsx', 'electron-store'],
  ])('%s may not import %s', async (file, specifier) => {
    expect(await restrictedIn(file, specifier)).toBe(true);
  });

  it.each([
    ['main/electron/main.ts', 'electron'],
    ['preload/index.ts', 'electron'],
    ['main/electron/settings.ts', 'electron-store'],
    ['main/platform/x.ts', 'conf'],
    ['renderer/src/x.tsx', '../../main/connectors/types'],
    ['renderer/src/x.tsx', '../../preload/contract'],
    ['renderer/src/x.tsx', '@mui/material'],
    ['renderer/src/main.tsx', './main'],
    ['main/services/x.ts', 'node:fs'],
    ['main/services/x.ts', 'axios'],
  ])('%s may import %s', async (file, specifier) => {
    expect(await restrictedIn(file, specifier)).toBe(false);
  });
});
