/**
 * Plays the system browser for the sandbox sign-in: given the authorization URL the runtime opens, logs in
 * to the sandbox OpenID provider as a demo user and delivers the callback to the assistant's loopback
 * listener — the same HTTP the real browser sends. Used as the runtime's `openSignIn` in tests.
 */
import { ADMIN, authorizeInBrowser, TestBrowser } from '../unit/auth/support';

export type DemoLogin = { readonly email: string; readonly password: string; readonly name: string };

export function browserSignIn(user: DemoLogin = ADMIN): (url: string) => Promise<void> {
  return async (url) => {
    // Like a browser tab, it runs on its own: the runtime's signIn() is waiting for the callback.
    void (async () => {
      const browser = new TestBrowser();
      const callbackUrl = await authorizeInBrowser(browser, url, user);
      await browser.get(callbackUrl);
    })();
  };
}
