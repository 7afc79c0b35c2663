/**
 * Where the assistant keeps settings, drafts and logs. Electron passes app.getPath('userData'); the web
 * host and the CLI resolve the same place here, so all three share one data directory.
 */
import os from 'node:os';
import path from 'node:path';
import { ensurePrivateDir } from './private-files';

export const DATA_DIR_ENV = 'EXOPEN_CONNECT_DATA_DIR';

type Env = Readonly<Record<string, string | undefined>>;

const xdgConfigHome = (env: Env): string | undefined =>
  env.XDG_CONFIG_HOME && path.posix.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : undefined;

/** The data directory by OS convention, without touching the disk. */
export function dataDirFor(env: Env, platform: NodeJS.Platform): string {
  const override = env[DATA_DIR_ENV];
  if (override) return path.resolve(override);
  const home = env.HOME || env.USERPROFILE || os.homedir();
  switch (platform) {
    case 'win32':
      return path.win32.join(env.APPDATA || path.win32.join(home, 'AppData', 'Roaming'), 'Exopen Connect');
    case 'darwin':
      return path.posix.join(home, 'Library', 'Application Support', 'Exopen Connect');
    default:
      // XDG: a configured config home wins over ~/.config; the spec says to ignore a relative one.
      return path.posix.join(xdgConfigHome(env) ?? path.posix.join(home, '.config'), 'exopen-connect');
  }
}

/** Resolves the data directory and creates it (mode 0700). */
export function resolveDataDir(env: Env = process.env, platform: NodeJS.Platform = process.platform): string {
  return ensurePrivateDir(dataDirFor(env, platform));
}
