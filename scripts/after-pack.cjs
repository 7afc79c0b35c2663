/**
 * electron-builder's afterPack hook (electron-builder.yml `afterPack`): sets every Electron fuse of the packed
 * app with @electron/fuses and `strictlyRequireAllFuses`, so packaging fails when the Electron binary has a
 * fuse this table does not decide, or when the installed @electron/fuses cannot name one of the binary's
 * fuses. electron-builder's own `electronFuses` option cannot be strict, so it is not used: this table is
 * the one place the fuses are decided. It runs before electron-builder signs the app.
 *
 * Packaging needs the Electron binary, which our build machines cannot download:
 * tests/unit/electron/builder-config.test.ts runs this hook on fake binaries (a fuse wire without the rest
 * of Electron) and checks the table; `npx @electron/fuses read --app <packaged app>` checks a real build.
 */
'use strict';

const path = require('node:path');

/**
 * Every fuse, by its @electron/fuses name (FuseV1Options), decided (anchors-security-reliability §1.2 and
 * Electron's fuses tutorial).
 */
const FUSES = Object.freeze({
  /** ELECTRON_RUN_AS_NODE would turn our signed binary into a plain Node; main never forks with it. */
  RunAsNode: false,
  /** Chromium's cookie store encrypted with the OS key. One-way: never turn it off again. */
  EnableCookieEncryption: true,
  /** NODE_OPTIONS / NODE_EXTRA_CA_CERTS from the environment would inject code or trust into main. */
  EnableNodeOptionsEnvironmentVariable: false,
  /** --inspect* and SIGUSR1 would open a debugger on main, where the secrets are. */
  EnableNodeCliInspectArguments: false,
  /** app.asar's integrity checked on load (macOS, Windows). */
  EnableEmbeddedAsarIntegrityValidation: true,
  /** Only app.asar is loaded, so with the integrity check no unvalidated code runs. */
  OnlyLoadAppFromAsar: true,
  /** We ship no browser-process-specific V8 snapshot. */
  LoadBrowserProcessSpecificV8Snapshot: false,
  /** The renderer is served from app://, never file://, so file:// needs no extra privileges. */
  GrantFileProtocolExtraPrivileges: false,
  /** Electron 43+: V8's WebAssembly trap handlers, on by default (Chromium's too); off only costs speed. */
  WasmTrapHandlers: true,
});

/** The names an @electron/fuses FuseV1Options enum defines (a TypeScript enum maps both ways). */
function fuseNames(FuseV1Options) {
  return Object.keys(FuseV1Options).filter((key) => Number.isNaN(Number(key)));
}

/**
 * The flipFuses config: strict, and a value for every fuse the installed @electron/fuses names. Throws when
 * it names one FUSES does not decide (a newer @electron/fuses for a newer Electron: decide it here).
 */
function fuseConfig({ FuseV1Options, FuseVersion }) {
  const undecided = fuseNames(FuseV1Options).filter((name) => !Object.hasOwn(FUSES, name));
  if (undecided.length > 0)
    throw new Error(`afterPack: @electron/fuses knows fuses scripts/after-pack.cjs does not decide: ${undecided.join(', ')}. Decide each in FUSES.`);
  const config = { version: FuseVersion.V1, strictlyRequireAllFuses: true };
  for (const name of fuseNames(FuseV1Options)) config[FuseV1Options[name]] = FUSES[name];
  return config;
}

/** The packed Electron executable, found as electron-builder's own fuse step finds it. */
function electronBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
    case 'win32':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    default:
      return path.join(appOutDir, packager.executableName);
  }
}

async function loadFuses() {
  // @electron/fuses 1.x is CommonJS, 2.x ESM only: import() takes both.
  const loaded = await import('@electron/fuses');
  return loaded.flipFuses ? loaded : loaded.default;
}

/** The hook. `fuses` replaces @electron/fuses (tests). */
async function afterPack(context, fuses) {
  const api = fuses ?? (await loadFuses());
  const binary = electronBinary(context);
  const config = fuseConfig(api);
  try {
    await api.flipFuses(binary, config);
  } catch (error) {
    const hint = /fuse wire|strictlyRequireAllFuses/.test(String(error?.message))
      ? ' This Electron has more fuses than the installed @electron/fuses can name: upgrade @electron/fuses (Electron 43+ has WasmTrapHandlers, which needs @electron/fuses 2) and decide any new fuse in FUSES.'
      : '';
    throw new Error(`afterPack: setting the fuses of ${binary} failed: ${error?.message ?? error}.${hint}`, { cause: error });
  }
}

module.exports = { afterPack, default: afterPack, FUSES, fuseConfig, electronBinary };
