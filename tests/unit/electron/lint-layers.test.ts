import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/** The layer rules of eslint.config.js, checked by linting small files placed in each layer. */
const root = join(__dirname, '..', '..', '..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function ruleIds(filePath: string, code: string): Promise<ReadonlyArray<string | null>> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return result!.messages.map((message) => message.ruleId);
}

/** A static import (`import 'x'`) refused by no-restricted-imports. */
async function restrictedIn(filePath: string, specifier: string): Promise<boolean> {
  return (await ruleIds(filePath, `import '${specifier}';\n`)).includes('no-restricted-imports');
}

/** An `import type` refused (type-only edges are edges too). */
async function typeRestrictedIn(filePath: string, specifier: string): Promise<boolean> {
  return (await ruleIds(filePath, `import type { X } from '${specifier}';\nexport type Y = X;\n`)).includes('no-restricted-imports');
}

/** A dynamic `import('x')`, which no-restricted-imports does not see: refused by no-restricted-syntax. */
async function dynamicRestrictedIn(filePath: string, specifier: string): Promise<boolean> {
  return (await ruleIds(filePath, `export const load = async () => await import('${specifier}');\n`)).includes('no-restricted-syntax');
}

/** Any lint message at all (the probes are otherwise clean code). */
async function flagged(filePath: string, code: string): Promise<boolean> {
  return (await ruleIds(filePath, code)).length > 0;
}

describe('eslint process boundaries', () => {
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
    ['renderer/src/x.tsx', 'zlib'],
    ['renderer/src/x.tsx', 'node:zlib'],
    ['renderer/src/x.tsx', 'events'],
    ['renderer/src/x.tsx', 'node:events'],
    ['renderer/src/x.tsx', 'util'],
    ['renderer/src/x.tsx', 'stream/web'],
    ['renderer/src/x.tsx', 'node:test'],
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
    ['main/hosts/cli/x.ts', '../../electron/window'],
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
    ['renderer/src/x.tsx', '../../preload/bridge'],
    ['renderer/src/x.tsx', '@mui/material'],
    ['renderer/src/main.tsx', './main'],
    ['main/services/x.ts', 'node:fs'],
    ['main/services/x.ts', 'axios'],
  ])('%s may import %s', async (file, specifier) => {
    expect(await restrictedIn(file, specifier)).toBe(false);
  });

  it.each([
    ['renderer/src/x.tsx', 'zlib'],
    ['renderer/src/x.tsx', 'node:events'],
    ['renderer/src/x.tsx', 'fs/promises'],
    ['renderer/src/x.tsx', '../../main/services/runtime'],
    ['main/services/x.ts', 'electron'],
    ['main/services/x.ts', '../../renderer/src/App'],
  ])('%s may not import(%s) either', async (file, specifier) => {
    expect(await dynamicRestrictedIn(file, specifier)).toBe(true);
  });
});

describe('eslint layers inside main/', () => {
  it.each([
    // Connector code: no services, hosts, sandbox (main/sandbox nor a system's sandbox/), auth, diagnose, exopen, electron, i18n.
    ['main/connectors/netvisor/x.ts', '../../services/checks'],
    ['main/connectors/netvisor/x.ts', '../../hosts/cli'],
    ['main/connectors/netvisor/x.ts', '../../sandbox'],
    ['main/connectors/netvisor/x.ts', '../../sandbox/shared/server'],
    ['main/connectors/netvisor/x.ts', './sandbox/adapter'],
    ['main/connectors/netvisor/x.ts', '../procountor/sandbox/state'],
    ['main/connectors/netvisor/x.ts', '../../auth'],
    ['main/connectors/netvisor/x.ts', '../../diagnose/catalogue'],
    ['main/connectors/netvisor/x.ts', '../../exopen'],
    ['main/connectors/netvisor/x.ts', '../../electron/window'],
    ['main/connectors/netvisor/x.ts', '../../i18n'],
    ['main/connectors/shared/x.ts', '../../services/errors'],
    ['main/connectors/types.ts', '../services/errors'],
    // A system's sandbox/: sandbox-layer code, never services, hosts, auth, diagnose, electron.
    ['main/connectors/netvisor/sandbox/x.ts', '../../../services/runtime'],
    ['main/connectors/netvisor/sandbox/x.ts', '../../../hosts/web/server'],
    ['main/connectors/netvisor/sandbox/x.ts', '../../../auth'],
    ['main/connectors/netvisor/sandbox/x.ts', '../../../diagnose'],
    ['main/connectors/netvisor/sandbox/x.ts', 'electron'],
    // …nor main/sandbox/index.ts, which loads the simulators (through the registry).
    ['main/connectors/netvisor/sandbox/x.ts', '../../../sandbox'],
    ['main/connectors/netvisor/sandbox/x.ts', '../../../sandbox/index'],
    // main/sandbox's kit (all but index.ts) is below the simulators: no registry, system.ts or system sandbox/.
    ['main/sandbox/shared/x.ts', '../../connectors/registry'],
    ['main/sandbox/exopen/x.ts', '../../connectors/netvisor/system'],
    ['main/sandbox/x.ts', '../connectors/vitec/sandbox/adapter'],
    // The wiring: system.ts names no other sandbox; registry.ts only the systems and the connector types.
    ['main/connectors/netvisor/system.ts', '../../sandbox'],
    ['main/connectors/netvisor/system.ts', '../procountor/sandbox/adapter'],
    ['main/connectors/netvisor/system.ts', '../../services/checks'],
    ['main/connectors/registry.ts', './netvisor/client'],
    ['main/connectors/registry.ts', './netvisor/sandbox/adapter'],
    ['main/connectors/registry.ts', '../services/checks'],
    // platform: the bottom.
    ['main/platform/x.ts', '../connectors/types'],
    ['main/platform/x.ts', '../services/errors'],
    ['main/platform/x.ts', '../hosts/cli'],
    ['main/platform/x.ts', '../sandbox'],
    ['main/platform/x.ts', '../diagnose'],
    ['main/platform/x.ts', '../auth'],
    ['main/platform/x.ts', '../exopen'],
    ['main/platform/x.ts', '../i18n'],
    ['main/diagnose/x.ts', '../services/version'],
    ['main/diagnose/x.ts', '../hosts/cli'],
    ['main/diagnose/x.ts', '../electron/pdf'],
    ['main/sandbox/x.ts', '../services/runtime'],
    ['main/sandbox/exopen/x.ts', '../../auth'],
    ['main/sandbox/x.ts', '../hosts/web/server'],
    ['main/exopen/x.ts', '../services/errors'],
    ['main/exopen/x.ts', '../diagnose'],
    ['main/exopen/x.ts', '../sandbox/exopen'],
    ['main/exopen/x.ts', '../hosts/cli'],
    ['main/auth/x.ts', '../services/errors'],
    ['main/auth/x.ts', '../hosts/cli'],
    ['main/services/x.ts', '../hosts/cli'],
    ['main/services/x.ts', '../electron/pdf'],
  ])('%s may not import %s', async (file, specifier) => {
    expect(await restrictedIn(file, specifier)).toBe(true);
  });

  it.each([
    ['main/connectors/netvisor/x.ts', '../../services/checks'],
    ['main/platform/x.ts', '../connectors/types'],
    ['main/diagnose/x.ts', '../services/errors'],
  ])('%s may not `import type` from %s', async (file, specifier) => {
    expect(await typeRestrictedIn(file, specifier)).toBe(true);
  });

  it.each([
    ['main/connectors/netvisor/x.ts', '../../services/checks'],
    ['main/connectors/netvisor/x.ts', './sandbox/adapter'],
    ['main/connectors/netvisor/x.ts', '../../sandbox'],
    ['main/connectors/netvisor/sandbox/x.ts', '../../../services/runtime'],
    ['main/connectors/netvisor/system.ts', '../../sandbox'],
    ['main/platform/x.ts', '../connectors/registry'],
    ['main/diagnose/x.ts', '../services/version'],
    ['main/exopen/x.ts', '../sandbox'],
    ['main/auth/x.ts', '../services'],
    ['main/services/x.ts', '../hosts/cli'],
  ])('%s may not import(%s) either', async (file, specifier) => {
    expect(await dynamicRestrictedIn(file, specifier)).toBe(true);
  });

  it('an import() type is an import too', async () => {
    expect(await flagged('main/platform/x.ts', "export type Id = import('../connectors/types').SystemId;\n")).toBe(true);
    expect(await flagged('main/connectors/types.ts', "export type Id = import('./registry').SystemIdOf;\n")).toBe(false);
  });

  it.each([
    ['main/connectors/netvisor/x.ts', '../shared/transport'],
    ['main/connectors/netvisor/x.ts', '../types'],
    ['main/connectors/netvisor/x.ts', '../../platform/http'],
    ['main/connectors/netvisor/sandbox/x.ts', '../../../sandbox/shared/server'],
    ['main/connectors/netvisor/sandbox/x.ts', '../../../sandbox/exopen'],
    ['main/connectors/netvisor/sandbox/x.ts', '../../../platform/log'],
    ['main/connectors/netvisor/sandbox/x.ts', '../mac'],
    ['main/connectors/netvisor/system.ts', './index'],
    ['main/connectors/netvisor/system.ts', '../system'],
    ['main/connectors/registry.ts', './netvisor/system'],
    ['main/connectors/registry.ts', './types'],
    ['main/sandbox/exopen/x.ts', './auth'],
    ['main/sandbox/index.ts', '../connectors/registry'],
    ['main/sandbox/exopen/x.ts', '../../connectors/netvisor/mac'],
    ['main/sandbox/x.ts', '../exopen/schemas'],
    ['main/diagnose/x.ts', '../platform/version'],
    ['main/auth/x.ts', '../platform/errors'],
    ['main/services/x.ts', '../auth'],
    ['main/services/x.ts', '../diagnose'],
    ['main/hosts/cli/x.ts', '../../services/runtime'],
  ])('%s may import %s', async (file, specifier) => {
    expect(await restrictedIn(file, specifier)).toBe(false);
  });

  it('a system.ts names its own simulator only by type or on demand', async () => {
    const file = 'main/connectors/netvisor/system.ts';
    expect(await dynamicRestrictedIn(file, './sandbox/adapter')).toBe(false);
    expect(await flagged(file, "import type { simulator } from './sandbox/adapter';\nexport type S = typeof simulator;\n")).toBe(false);
    expect(await flagged(file, "import { simulator } from './sandbox/adapter';\nexport const s = simulator;\n")).toBe(true);
    expect(await flagged(file, "export { simulator } from './sandbox/adapter';\n")).toBe(true);
    expect(await flagged(file, "export * from './sandbox/adapter';\n")).toBe(true);
  });

  it('the sandbox starts the simulators on demand: services and hosts may import() it', async () => {
    expect(await dynamicRestrictedIn('main/services/runtime.ts', '../sandbox')).toBe(false);
    expect(await dynamicRestrictedIn('main/hosts/cli/x.ts', '../../sandbox')).toBe(false);
  });
});

describe('eslint: only the renderer store calls the bridge', () => {
  it.each([
    ['renderer/src/components/X.tsx', '../bridge'],
    ['renderer/src/steps/test/X.tsx', '../../bridge'],
    ['renderer/src/X.tsx', './bridge'],
    ['renderer/src/X.tsx', './webTransport'],
  ])('%s may not import %s', async (file, specifier) => {
    expect(await restrictedIn(file, specifier)).toBe(true);
    expect(await dynamicRestrictedIn(file, specifier)).toBe(true);
  });

  it.each([
    ['renderer/src/store/x.ts', '../bridge'],
    ['renderer/src/bridge.ts', './webTransport'],
  ])('%s may import %s', async (file, specifier) => {
    expect(await restrictedIn(file, specifier)).toBe(false);
  });

  it.each([
    "export const b = window.exopen;\n",
    "export const b = window['exopen'];\n",
    "export const b = globalThis.exopen;\n",
    "const { exopen } = window;\nexport const b = exopen;\n",
  ])('window.exopen is read only in bridge.ts: %s', async (code) => {
    expect(await flagged('renderer/src/components/X.tsx', code)).toBe(true);
    expect(await flagged('renderer/src/store/x.ts', code)).toBe(true);
    expect(await flagged('renderer/src/bridge.ts', code)).toBe(false);
  });
});

describe('React hooks in the renderer', () => {
  const BAD = [
    "import { useEffect, useState } from 'react';",
    'export function Probe({ on, id }: { on: boolean; id: string }) {',
    '  if (on) useState(0);',
    '  useEffect(() => {',
    '    document.title = id;',
    '  }, []);',
    '  return null;',
    '}',
    '',
  ].join('\n');

  it('refuses a conditional hook and an effect missing a dependency', async () => {
    const ids = await ruleIds('renderer/src/components/Probe.tsx', BAD);
    expect(ids).toContain('react-hooks/rules-of-hooks');
    expect(ids).toContain('react-hooks/exhaustive-deps');
  });
});
