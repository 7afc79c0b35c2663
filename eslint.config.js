/**
 * Lint enforces the layers (design.md: imports point downwards only):
 *   - only main/electron/** and the preload (preload/index.ts) may import 'electron';
 *   - only main/electron/** may import 'electron-store' (it imports 'electron' itself; elsewhere conf);
 *   - the renderer imports no Node and no main-process code, except the connector *types*;
 *   - main-process code and the preload never import the renderer.
 * typescript-eslint's recommended set (syntax only, not type-checked, so it stays fast) does the rest.
 *
 * In flat config a later block replaces a rule's options for the files it matches rather than merging them,
 * so each block below states its layer's complete list of restrictions.
 */
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const ELECTRON = { name: 'electron', message: "Only main/electron/** and preload/index.ts talk to Electron; go through the bridge or a port." };

const ELECTRON_STORE = {
  name: 'electron-store',
  message: 'electron-store needs Electron: only main/electron/** uses it (electron/settings.ts); elsewhere platform/settings (conf).',
};

const NODE_AND_MAIN_ONLY = [
  ...['fs', 'fs/promises', 'path', 'http', 'https', 'net', 'os', 'child_process', 'crypto', 'url', 'stream', 'process'].map((name) => ({
    name,
    message: 'The renderer runs sandboxed without Node; ask main through the bridge.',
  })),
  ...['axios', 'keytar', 'conf', 'electron-store'].map((name) => ({
    name,
    message: 'The renderer does no network and keeps no secrets or settings; ask main through the bridge.',
  })),
];

const RENDERER_PATTERNS = [
  { group: ['node:*'], message: 'The renderer runs sandboxed without Node; ask main through the bridge.' },
  {
    regex: String.raw`(^|/)main/(?!connectors/types$)`,
    message: 'The renderer may import only main/connectors/types (types shared through the contract); everything else goes through the bridge.',
  },
];

const NO_RENDERER = { regex: String.raw`(^|/)renderer(/|$)`, message: 'Main-process code never depends on the renderer.' };

const restrict = (paths, patterns) => ({ 'no-restricted-imports': ['error', { paths, patterns }] });

export default defineConfig(
  { ignores: ['dist/', 'node_modules/', 'release/', 'coverage/', 'tests/fixtures/one-folder-system/'] },
  tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  // Everywhere: no Electron.
  { rules: restrict([ELECTRON, ELECTRON_STORE], []) },
  // The renderer: no Electron, no Node, no main-process code.
  { files: ['renderer/**'], rules: restrict([ELECTRON, ...NODE_AND_MAIN_ONLY], RENDERER_PATTERNS) },
  // Main-process code and the preload: no renderer; Electron only in main/electron and the preload itself.
  { files: ['main/**', 'preload/**'], rules: restrict([ELECTRON, ELECTRON_STORE], [NO_RENDERER]) },
  { files: ['main/electron/**'], rules: restrict([], [NO_RENDERER]) },
  { files: ['preload/index.ts'], rules: restrict([ELECTRON_STORE], [NO_RENDERER]) },
);
