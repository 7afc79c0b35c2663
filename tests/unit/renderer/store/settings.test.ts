/** Settings: settings.get at start, settings.set from the Settings dialog, and what the signer setting changes. */
import { describe, expect, it } from 'vitest';
import type { EnvironmentSettings } from '../../../../preload/contract';
import * as fx from './fixtures';
import { booted, deferred, flush, signedIn, walkTo } from './harness';

describe('settings', () => {
  it('loads the settings beside the boot', async () => {
    const h = await booted();
    expect(h.state.settings).toEqual({ phase: 'ready', value: fx.settings });
    expect(h.fake.calls('settings.get')).toHaveLength(1);
  });

  it('shows settings that cannot be read as failed; the wizard still boots', async () => {
    const h = await booted((fake) => fake.fail('settings.get', 'E_CONFIG_CORRUPT', 'unreadable'));
    expect(h.state.settings).toEqual({ phase: 'failed', error: { code: 'E_CONFIG_CORRUPT', message: 'unreadable' } });
    expect(h.state.boot.phase).toBe('ready');
  });

  it('saves a change in force at once: busy meanwhile, then the new value, a toast, and who is signed in asked again', async () => {
    const answer = deferred<EnvironmentSettings>();
    const h = await booted((fake) => fake.handle('settings.set', () => answer.promise));
    const statusCalls = h.fake.calls('auth.status').length;
    const saving = h.actions.saveSettings({ environment: 'custom', url: 'https://exopen.test' });
    expect(h.state.settingsSave).toEqual({ busy: true, error: null });
    const value: EnvironmentSettings = { environment: 'custom', url: 'https://exopen.test', signers: {}, active: true };
    answer.resolve(value);
    expect(await saving).toBe('active');
    expect(h.fake.calls('settings.set')).toEqual([{ environment: 'custom', url: 'https://exopen.test' }]);
    expect(h.state).toMatchObject({ settings: { phase: 'ready', value }, settingsSave: { busy: false, error: null }, toast: 'settingsSaved' });
    expect(h.fake.calls('auth.status')).toHaveLength(statusCalls + 1);
  });

  it('says when a saved change waits for a restart, and leaves the session alone', async () => {
    const h = await booted((fake) => fake.handle('settings.set', (input) => ({ ...fx.settings, ...input, active: false })));
    const statusCalls = h.fake.calls('auth.status').length;
    expect(await h.actions.saveSettings({ environment: 'production' })).toBe('restart');
    expect(h.state).toMatchObject({ settings: { value: { environment: 'production', active: false } }, toast: 'settingsSavedRestart' });
    expect(h.fake.calls('auth.status')).toHaveLength(statusCalls);
  });

  it('keeps the old settings and shows the error when saving fails; the error can be cleared', async () => {
    const h = await booted((fake) =>
      fake.fail('settings.set', 'E_INVALID_FIELDS', 'url: invalid', [{ field: 'url', message: { key: 'e.url' } }]),
    );
    expect(await h.actions.saveSettings({ environment: 'custom', url: 'https://exopen.test' })).toBe('failed');
    expect(h.state.settings).toEqual({ phase: 'ready', value: fx.settings });
    expect(h.state.settingsSave).toEqual({ busy: false, error: { code: 'E_INVALID_FIELDS', message: 'url: invalid', fieldErrors: [{ field: 'url', message: { key: 'e.url' } }] } });
    expect(h.state.toast).toBeNull();
    h.actions.clearSettingsError();
    expect(h.state.settingsSave).toEqual({ busy: false, error: null });
  });

  it('with the broker signing for a system, Test waits for an Exopen sign-in and then runs', async () => {
    const h = await booted((fake) => fake.handle('settings.get', () => ({ ...fx.settings, signers: { netvisor: 'broker' } })));
    await walkTo(h, 'test');
    expect(h.on('test')).toMatchObject({ deferred: 'all', busy: false, run: { running: false } });
    expect(h.fake.calls('checks.run')).toHaveLength(0);

    h.fake.emit('auth.changed', signedIn);
    await flush();
    expect(h.fake.calls('checks.run')).toHaveLength(1);
    expect(h.on('test')).toMatchObject({ deferred: null, session: { report: { overall: 'passed' } } });
  });
});
