/**
 * Lint enforces the layers (design.md: imports point downwards only; docs/architecture.md lists them):
 *   - only main/electron/** and the preload (preload/index.ts) may import 'electron';
 *   - only main/electron/** may import 'electron-store' (it imports 'electron' itself; elsewhere conf);
 *   - the renderer imports no Node (every built-in module, with and without `node:`) and no main-process code,
 *     except the connector *types*; only its store (renderer/src/store/**) imports the bridge, and only
 *     renderer/src/bridge.ts touches `window.exopen`;
 *   - main-process code and the preload never import the renderer;
 *   - inside main/, each layer imports only the layers below it (the blocks after "Main-process code"): connector
 *     code, a system's sandbox/ folder, its system.ts wiring, registry.ts, platform, diagnose, sandbox, exopen,
 *     auth, services. tests/unit/architecture.test.ts checks that no loop is left between the folders.
 * typescript-eslint's recommended set (syntax only, not type-checked, so it stays fast) does the rest, with
 * eslint-plugin-react-hooks' rules-of-hooks and exhaustive-deps (both errors) in the renderer.
 *
 * `no-restricted-imports` sees static imports and re-exports (`import type` too) but not `import('…')`
 * expressions nor `import('…')` types, so every block's restrictions are mirrored as `no-restricted-syntax`
 * selectors on ImportExpression and TSImportType (see `layer` below).
 *
 * In flat config a later block replaces a rule's options for the files it matches rather than merging them,
 * so each block below states its layer's complete list of restrictions.
 */
import { builtinModules } from 'node:module';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const ELECTRON = { name: 'electron', message: "Only main/electron/** and preload/index.ts talk to Electron; go through the bridge or a port." };

const ELECTRON_STORE = {
  name: 'electron-store',
  message: 'electron-store needs Electron: only main/electron/** uses it (electron/settings.ts); elsewhere platform/settings (conf).',
};

const NODE_MESSAGE = 'The renderer runs sandboxed without Node; ask main through the bridge.';

/** Every Node built-in, as Node itself lists them, with and without the `node:` prefix. */
const NODE_BUILTINS = builtinModules.flatMap((name) => [name, `node:${name}`]).map((name) => ({ name, message: NODE_MESSAGE }));

const NODE_AND_MAIN_ONLY = [
  ...NODE_BUILTINS,
  ...['axios', 'keytar', 'conf', 'electron-store'].map((name) => ({
    name,
    message: 'The renderer does no network and keeps no secrets or settings; ask main through the bridge.',
  })),
];

const RENDERER_PATTERNS = [
  // Prefix-only built-ins (node:test, node:sqlite, …) are not in builtinModules.
  { regex: '^node:', message: NODE_MESSAGE },
  {
    regex: String.raw`(^|/)main/(?!connectors/types$)`,
    message: 'The renderer may import only main/connectors/types (types shared through the contract); everything else goes through the bridge.',
  },
];

/** renderer/src/bridge.ts (and the web transport under it), from anywhere in renderer/src. */
const NO_BRIDGE = {
  regex: String.raw`^(\./|(\.\./)+)(bridge|webTransport)$`,
  message: 'Only the store (renderer/src/store/**) calls the bridge: add or use a store action.',
};

/** `window.exopen` (the preload's bridge): only renderer/src/bridge.ts reads it. */
const WINDOW_EXOPEN_MESSAGE = 'Only renderer/src/bridge.ts reads window.exopen; call a store action (the store calls the bridge).';
const NO_WINDOW_EXOPEN = [
  "MemberExpression[object.name=/^(window|globalThis|self)$/][property.name='exopen']",
  "MemberExpression[object.name=/^(window|globalThis|self)$/][property.value='exopen']",
  "VariableDeclarator[init.name=/^(window|globalThis|self)$/] > ObjectPattern > Property[key.name='exopen']",
].map((selector) => ({ selector, message: WINDOW_EXOPEN_MESSAGE }));

const NO_RENDERER = { regex: String.raw`(^|/)renderer(/|$)`, message: 'Main-process code never depends on the renderer.' };

/**
 * The layers inside main/. A specifier reaches another top folder of main/ by climbing out with `../`, so
 * `^(\.\./)+services(/|$)` is main/services/** from any depth (a folder's own `./auth`, e.g. sandbox/exopen/auth.ts,
 * does not climb and is not matched).
 */
const up = (folder) => String.raw`^(\.\./)+${folder}(/|$)`;
const ban = (layer, ...folders) =>
  folders.map((folder) => ({ regex: up(folder), message: `${layer} may not import main/${folder}/** (docs/architecture.md, Layers: imports point downwards only).` }));

const MAIN_BASE = [NO_RENDERER, ...ban('Only main/electron/** talks to Electron; main-process code', 'electron')];

const CONNECTOR = 'Connector code (main/connectors/**, not sandbox/, system.ts, registry.ts)';
/** Connector code reaches no sandbox at all: not main/sandbox/**, not its own or another system's sandbox/. */
const ANY_SANDBOX = {
  regex: String.raw`^\.{1,2}/(.*/)?sandbox(/|$)`,
  message: `${CONNECTOR} may not import a sandbox (main/sandbox/**, connectors/*/sandbox/**): a simulator is named only by its system.ts.`,
};
const CONNECTOR_BANS = ['services', 'hosts', 'auth', 'diagnose', 'exopen', 'i18n'];

const SYSTEM = 'A system.ts';
/** For system.ts: any sandbox but its own ./sandbox/ (which it may name only with `import type` or import()). */
const OTHER_SANDBOX = {
  regex: String.raw`^\.\./(.*/)?sandbox(/|$)`,
  message: `${SYSTEM} names only its own ./sandbox/ simulator, never main/sandbox/** or another system's.`,
};
const OWN_SANDBOX = String.raw`^\./sandbox(/|$)`;
const OWN_SANDBOX_STATIC = ['ImportDeclaration[importKind="value"]', 'ExportNamedDeclaration[exportKind="value"]', 'ExportAllDeclaration[exportKind="value"]'].map(
  (node) => ({
    selector: `${node}[source.value=/${OWN_SANDBOX.replaceAll('/', '\\/')}/]`,
    message: `${SYSTEM} loads its simulator on demand: \`import type\` from ./sandbox/* or \`await import('./sandbox/…')\`, never a static import.`,
  }),
);

/** registry.ts lists the systems: it imports only ./<system>/system and the connector types. */
const REGISTRY_ONLY = {
  regex: String.raw`^(?!\./([^/]+/system|types|context)$)`,
  message: 'registry.ts may import only ./<system>/system and the connector types (./types, ./context).',
};

/**
 * main/sandbox holds both ends of the sandbox: index.ts starts every registered system's simulator, so it
 * imports the registry; the rest is the kit those simulators build on (the simulator contract, shared servers,
 * the sandbox Exopen backend and identity provider), which therefore imports neither the registry, a system.ts
 * nor a system's sandbox/ (connector code, e.g. Netvisor's MAC for the backend's broker, is below it and fine).
 */
const SANDBOX_BANS = [...MAIN_BASE, ...ban('main/sandbox', 'services', 'hosts', 'auth')];
const SANDBOX_KIT_NO_SYSTEMS = {
  regex: String.raw`^(\.\./)+connectors/(registry|[^/]+/(system|sandbox(/.*)?))$`,
  message: "main/sandbox's kit is below the systems' simulators (they build on it): only main/sandbox/index.ts loads them, through the registry.",
};

const escapeForSelector = (regex) => regex.replaceAll('/', '\\/');
const escapeLiteral = (name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** `no-restricted-syntax` selectors for the import() expressions and import() types the import rule cannot see. */
function dynamicMirror(paths, patterns) {
  const messages = new Map();
  for (const { name, message } of paths) messages.set(message, [...(messages.get(message) ?? []), escapeLiteral(name)]);
  const regexes = [
    ...[...messages].map(([message, names]) => ({ regex: `^(${names.join('|')})$`, message })),
    ...patterns.map(({ regex, message }) => ({ regex: escapeForSelector(regex), message })),
  ];
  return regexes.flatMap(({ regex, message }) => [
    { selector: `ImportExpression[source.value=/${regex}/i]`, message },
    { selector: `TSImportType[source.value=/${regex}/i]`, message },
  ]);
}

/** One layer's complete restrictions: static imports, their import() mirror, and any further syntax. */
function layer({ files, ignores, paths = [], patterns = [], syntax = [] }) {
  return {
    ...(files ? { files } : {}),
    ...(ignores ? { ignores } : {}),
    rules: {
      'no-restricted-imports': ['error', { paths, patterns }],
      'no-restricted-syntax': ['error', ...dynamicMirror(paths, patterns), ...syntax],
    },
  };
}

const MAIN_PATHS = [ELECTRON, ELECTRON_STORE];

export default defineConfig(
  { ignores: ['dist/', 'node_modules/', 'release/', 'coverage/', 'tests/fixtures/one-folder-system/'] },
  tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  // CommonJS files (electron-builder's hooks) load their modules with require().
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  // React's rules of hooks in the renderer, and effects/callbacks that list every value they use.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  // Everywhere: no Electron.
  layer({ paths: MAIN_PATHS }),

  // The renderer: no Electron, no Node, no main-process code; window.exopen only in bridge.ts.
  layer({ files: ['renderer/**'], paths: [ELECTRON, ...NODE_AND_MAIN_ONLY], patterns: RENDERER_PATTERNS, syntax: NO_WINDOW_EXOPEN }),
  // …and outside the store (and bridge.ts itself), not the bridge either.
  layer({
    files: ['renderer/**'],
    ignores: ['renderer/src/store/**', 'renderer/src/bridge.ts'],
    paths: [ELECTRON, ...NODE_AND_MAIN_ONLY],
    patterns: [...RENDERER_PATTERNS, NO_BRIDGE],
    syntax: NO_WINDOW_EXOPEN,
  }),
  layer({ files: ['renderer/src/bridge.ts'], paths: [ELECTRON, ...NODE_AND_MAIN_ONLY], patterns: RENDERER_PATTERNS }),

  // The preload: no renderer; Electron only in preload/index.ts.
  layer({ files: ['preload/**'], paths: MAIN_PATHS, patterns: [NO_RENDERER] }),
  layer({ files: ['preload/index.ts'], paths: [ELECTRON_STORE], patterns: [NO_RENDERER] }),

  // Main-process code (hosts, i18n and anything not listed below): no renderer, no Electron, no main/electron.
  layer({ files: ['main/**'], paths: MAIN_PATHS, patterns: MAIN_BASE }),
  layer({ files: ['main/electron/**'], patterns: [NO_RENDERER] }),

  // Connector code: nothing above it, and no sandbox at all.
  layer({
    files: ['main/connectors/**'],
    ignores: ['main/connectors/*/sandbox/**', 'main/connectors/*/system.ts', 'main/connectors/registry.ts'],
    paths: MAIN_PATHS,
    patterns: [...MAIN_BASE, ...ban(CONNECTOR, ...CONNECTOR_BANS), ANY_SANDBOX],
  }),
  // A system's sandbox/ folder (its simulator): sandbox-layer code; main/sandbox, platform, exopen and its connector.
  // Not main/sandbox/index.ts, though: that starts every system's simulator through the registry (SANDBOX_KIT_NO_SYSTEMS).
  layer({
    files: ['main/connectors/*/sandbox/**'],
    paths: MAIN_PATHS,
    patterns: [
      ...MAIN_BASE,
      ...ban("A system's sandbox/ (connectors/*/sandbox/**)", 'services', 'hosts', 'auth', 'diagnose'),
      {
        regex: String.raw`^(\.\./){3,}sandbox(/index)?$`,
        message: "A system's simulator builds on main/sandbox's kit (simulators, shared/, exopen/), not on main/sandbox/index.ts, which loads the simulators.",
      },
    ],
  }),
  // A system's wiring: its connector, and its own simulator only by type or on demand.
  layer({
    files: ['main/connectors/*/system.ts'],
    paths: MAIN_PATHS,
    patterns: [...MAIN_BASE, ...ban(SYSTEM, ...CONNECTOR_BANS), OTHER_SANDBOX],
    syntax: OWN_SANDBOX_STATIC,
  }),
  layer({ files: ['main/connectors/registry.ts'], paths: MAIN_PATHS, patterns: [REGISTRY_ONLY] }),

  // The lowest layer: no connectors and nothing above.
  layer({
    files: ['main/platform/**'],
    paths: MAIN_PATHS,
    patterns: [...MAIN_BASE, ...ban('main/platform', 'connectors', 'services', 'hosts', 'sandbox', 'diagnose', 'auth', 'exopen', 'i18n')],
  }),
  layer({ files: ['main/diagnose/**'], paths: MAIN_PATHS, patterns: [...MAIN_BASE, ...ban('main/diagnose', 'services', 'hosts')] }),
  layer({ files: ['main/sandbox/**'], paths: MAIN_PATHS, patterns: SANDBOX_BANS }),
  layer({ files: ['main/sandbox/**'], ignores: ['main/sandbox/index.ts'], paths: MAIN_PATHS, patterns: [...SANDBOX_BANS, SANDBOX_KIT_NO_SYSTEMS] }),
  layer({ files: ['main/exopen/**'], paths: MAIN_PATHS, patterns: [...MAIN_BASE, ...ban('main/exopen', 'services', 'hosts', 'diagnose', 'sandbox')] }),
  layer({ files: ['main/auth/**'], paths: MAIN_PATHS, patterns: [...MAIN_BASE, ...ban('main/auth', 'services', 'hosts')] }),
  layer({ files: ['main/services/**'], paths: MAIN_PATHS, patterns: [...MAIN_BASE, ...ban('main/services', 'hosts')] }),
);
