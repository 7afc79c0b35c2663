/**
 * Start-up notices in the renderer: the store takes them from app.info at boot and a dismiss goes to main
 * (so a reload does not bring it back); each notice renders, with the real locale, what happened, what was
 * kept and what to do. A locked keyring gets its own words. The browser half is tests/e2e/damaged-disk.test.ts.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StartupNotice } from '../../../preload/contract';
import { SecretBackendNotice } from '../../../renderer/src/components/SecretBackendNotice';
import { StartupNoticeAlert } from '../../../renderer/src/components/StartupNoticeAlert';
import { initI18n } from '../../../renderer/src/i18n';
import app from '../../../resources/locales/en/app.json';
import { createHarness, flush } from './store/harness';
import * as fx from './store/fixtures';

beforeAll(async () => {
  await initI18n();
});

const settingsNotice: StartupNotice = {
  id: 'settings:settings.json.corrupt-2026-12-06T06-00-00-000Z',
  code: 'E_CONFIG_CORRUPT',
  file: '/home/ada/.config/exopen-connect/settings.json',
  keptAt: '/home/ada/.config/exopen-connect/settings.json.corrupt-2026-12-06T06-00-00-000Z',
  kept: ['signers'],
  reset: ['backend'],
};

/** The alert's text, without markup. */
const textOf = (notice: StartupNotice): string =>
  renderToStaticMarkup(createElement(StartupNoticeAlert, { notice, onDismiss: () => undefined }))
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe('start-up notices in the store', () => {
  it('come from app.info at boot, and a dismiss hides one here and tells main', async () => {
    const h = await createHarness((fake) => fake.handle('app.info', () => ({ ...fx.appInfo, notices: [settingsNotice] })));
    await h.actions.load();
    expect(h.state.notices).toEqual([settingsNotice]);
    await h.actions.dismissNotice(settingsNotice.id);
    expect(h.state.notices).toEqual([]);
    expect(h.fake.calls('app.dismissNotice')).toEqual([{ id: settingsNotice.id }]);
  });

  it('a failed dismiss in main still hides it here', async () => {
    const h = await createHarness((fake) => {
      fake.handle('app.info', () => ({ ...fx.appInfo, notices: [settingsNotice] }));
      fake.fail('app.dismissNotice', 'E_TRANSPORT');
    });
    await h.actions.load();
    await h.actions.dismissNotice(settingsNotice.id);
    await flush();
    expect(h.state.notices).toEqual([]);
  });
});

describe('what a notice says', () => {
  it('a damaged settings file: where the copy is, what was kept, what was reset and where to set it again', () => {
    const text = textOf(settingsNotice);
    expect(text).toContain(app.notices.config.title);
    expect(text).toContain('A copy was kept at /home/ada/.config/exopen-connect/settings.json.corrupt-2026-12-06T06-00-00-000Z.');
    expect(text).toContain('The backend setting was reset to sandbox: set it again in Settings.');
    expect(text).toContain(app.notices.config.kept.signers);
  });

  it('settings that could not be moved aside: the path and the fix', () => {
    const text = textOf({ id: 'settings:in-memory', code: 'E_CONFIG_CORRUPT', file: '/data/settings.json', kept: [], reset: ['backend', 'signers'] });
    expect(text).toContain('/data/settings.json could not be moved aside');
    expect(text).toContain('move or delete /data/settings.json and start Exopen Connect again');
    expect(text).toContain(app.notices.config.reset.signers);
  });

  it('a damaged draft: the copy, and what became of its secrets', () => {
    expect(textOf({ id: 'draft:x', code: 'E_DRAFT_CORRUPT', keptAt: '/data/drafts/current.json.corrupt-1', draftId: 'abcdefgh-1', secrets: 'removed' })).toContain(
      app.notices.draft.secrets.removed,
    );
    expect(textOf({ id: 'draft:x', code: 'E_DRAFT_CORRUPT', keptAt: '/data/drafts/current.json.corrupt-1', draftId: 'abcdefgh-1', secrets: 'failed' })).toContain(
      'accounts starting with draft/abcdefgh-1/',
    );
  });

  it('a logs folder that is a file: the path and the fix', () => {
    expect(textOf({ id: 'log:/data/logs', code: 'E_LOG_UNAVAILABLE', path: '/data/logs', problem: 'not-a-folder' })).toContain(
      '/data/logs is a file, not a folder, so Exopen Connect keeps no log file (log lines go to the terminal only). Move or delete /data/logs and start Exopen Connect again.',
    );
  });

  it('a locked keyring is said as locked, with the fix, not as "no keychain"', () => {
    const locked = renderToStaticMarkup(createElement(SecretBackendNotice, { secretBackend: { kind: 'memory', reason: 'locked', locked: true } }));
    expect(locked).toContain(app.secretBackend.lockedTitle);
    expect(locked).toContain('Unlock it (log out and in again');
    expect(locked).not.toContain(app.secretBackend.memoryTitle);
    const missing = renderToStaticMarkup(createElement(SecretBackendNotice, { secretBackend: { kind: 'memory', reason: 'no keychain' } }));
    expect(missing).toContain(app.secretBackend.memoryTitle);
  });
});
