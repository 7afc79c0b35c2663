import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createOpenExternal, denyAllPermissions, installSecurityBaseline, openExternalSafely } from '../../../main/electron/security';
import { isAllowedExternalUrl } from '../../../main/services/links';
import { electronFake, FakeSession, FakeWebContents } from '../../mocks/electron';
import { recordingLog, type RecordingLog } from './handlers-fixture';

const ALLOWED = 'https://support.netvisor.fi/hc/fi/articles/123';
const REFUSED = [
  'https://evil.example/',
  'http://support.netvisor.fi/',
  'https://support.netvisor.fi.evil.io/',
  'https://user:pw@support.netvisor.fi/',
  'HTTPS://SUPPORT.NETVISOR.FI@evil.example/',
  'javascript:alert(1)',
  'file:///etc/passwd',
  'app://exopen/index.html',
  'not a url',
];

let log: RecordingLog;
let contents: FakeWebContents;

beforeEach(() => {
  log = recordingLog();
  installSecurityBaseline(log);
  contents = new FakeWebContents();
  electronFake.app.emit('web-contents-created', {}, contents);
});

const navigationEvent = (url: string) => ({ url, preventDefault: vi.fn() });

describe('every new web contents', () => {
  it('denies window.open for any URL', () => {
    for (const url of [ALLOWED, ...REFUSED]) expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
  });

  it('sends only allowlisted window.open targets to the system browser', () => {
    for (const url of [ALLOWED, ...REFUSED]) contents.windowOpenHandler!({ url });
    expect(electronFake.shell.openExternal.mock.calls).toEqual([[ALLOWED]]);
  });

  it.each(['will-navigate', 'will-redirect'])('%s: prevents leaving the app origin', (event) => {
    for (const url of [ALLOWED, ...REFUSED.filter((u) => !u.startsWith('app://'))]) {
      const navigation = navigationEvent(url);
      contents.emit(event, navigation);
      expect(navigation.preventDefault, url).toHaveBeenCalledTimes(1);
    }
  });

  it.each(['will-navigate', 'will-redirect'])('%s: lets the app reload its own pages', (event) => {
    const navigation = navigationEvent('app://exopen/index.html');
    contents.emit(event, navigation);
    expect(navigation.preventDefault).not.toHaveBeenCalled();
  });

  it('refuses to attach a <webview>', () => {
    const attach = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', attach, {}, {});
    expect(attach.preventDefault).toHaveBeenCalled();
  });

  it("denies its session's permission requests and checks", () => {
    const callback = vi.fn();
    contents.session.permissionRequestHandler!(...([contents, 'media', callback, {}] as never[]));
    expect(callback).toHaveBeenCalledWith(false);
    expect(contents.session.permissionCheckHandler!(...([contents, 'notifications', 'app://exopen', {}] as never[]))).toBe(false);
  });
});

describe('denyAllPermissions', () => {
  it('denies every request and check on the given session', () => {
    const session = new FakeSession();
    denyAllPermissions(session as never);
    for (const permission of ['geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      session.permissionRequestHandler!(...([null, permission, callback, {}] as never[]));
      expect(callback).toHaveBeenCalledWith(false);
      expect(session.permissionCheckHandler!(...([null, permission, 'app://exopen', {}] as never[]))).toBe(false);
    }
  });
});

describe('openExternal', () => {
  it.each(REFUSED)('refuses %s', async (url) => {
    expect(await openExternalSafely(url, log)).toBe(false);
    expect(electronFake.shell.openExternal).not.toHaveBeenCalled();
  });

  it('opens an allowlisted https URL', async () => {
    expect(await openExternalSafely(ALLOWED, log)).toBe(true);
    expect(electronFake.shell.openExternal).toHaveBeenCalledWith(ALLOWED);
  });

  it('opens exactly the URLs the allowlist accepts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.webUrl(), fc.webUrl({ validSchemes: ['https'] }).map((u) => u.replace(/\/\/[^/]+/, '//netvisor.fi'))), async (url) => {
        electronFake.shell.openExternal.mockClear();
        await openExternalSafely(url, log);
        expect(electronFake.shell.openExternal.mock.calls.length).toBe(isAllowedExternalUrl(url) ? 1 : 0);
      }),
      { numRuns: 300 },
    );
  });

  it('logs where a refused URL pointed, never its path or query', async () => {
    await openExternalSafely('https://evil.example/callback?token=hunter2hunter2', log);
    expect(JSON.stringify(log.entries)).not.toContain('hunter2');
  });

  it("gives the runtime typed errors for a refusal and for the shell's failure", async () => {
    const openExternal = createOpenExternal(log);
    await expect(openExternal('https://evil.example/')).rejects.toMatchObject({ code: 'E_LINK_NOT_ALLOWED' });
    electronFake.shell.openExternal.mockRejectedValueOnce(new Error('no handler for https'));
    await expect(openExternal(ALLOWED)).rejects.toMatchObject({ code: 'E_OPEN_EXTERNAL_FAILED' });
    expect(log.entries.some((entry) => entry.level === 'error')).toBe(true);
  });
});
