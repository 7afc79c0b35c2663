/**
 * The Electron host's settings: electron-store over the options conf gets in the web host and the CLI
 * (platform/settings.ts settingsFileOptions): the same `<dataDir>/settings.json`, mode, schema, defaults
 * and quarantine of a damaged file, so a user who moves between the desktop app, the web host and the CLI
 * keeps their settings. The runtime sees only the SettingsStore port (platform/ports.ts).
 *
 * Two things electron-store does on its own are undone here:
 * - it names the file from its `name` option (default `config`) and overwrites conf's `configName` with
 *   it, so the file name is passed as `name`;
 * - its constructor registers `ipcMain.on('electron-store-get-data')`, a synchronous channel that answers
 *   any renderer with the userData path, for stores opened in a renderer. We open none there, and every
 *   IPC channel goes through ipc.ts's sender check, so that listener is removed again.
 */
import { ipcMain } from 'electron';
import ElectronStore from 'electron-store';
import { openSettings, type SettingsEngine, type SettingsHandle, type SettingsRecord } from '../platform/settings';

/** electron-store's channel for renderer-side stores (electron-store 11, index.js). */
export const ELECTRON_STORE_CHANNEL = 'electron-store-get-data';

export const electronStoreEngine: SettingsEngine = ({ configName, ...options }) => {
  const store = new ElectronStore<SettingsRecord>({ ...options, name: configName });
  ipcMain.removeAllListeners(ELECTRON_STORE_CHANNEL);
  return store;
};

/** Settings for the Electron host (RuntimeOptions.openSettings); `dataDir` is app.getPath('userData'). */
export function openElectronSettings(dataDir: string): SettingsHandle {
  return openSettings(dataDir, electronStoreEngine);
}
