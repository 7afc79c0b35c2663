/**
 * Integration tests that touch the keychain must run inside scripts/with-keyring.sh: a private D-Bus
 * session with a throwaway, unlocked gnome-keyring. Anywhere else they fail loudly instead of passing
 * without having tested anything (or, on a desktop, writing into the user's real keyring).
 */
export function requireTestKeyring(): void {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS || process.env.EXOPEN_CONNECT_TEST_KEYRING !== '1') {
    throw new Error(
      'Not running under a throwaway keyring session (DBUS_SESSION_BUS_ADDRESS or EXOPEN_CONNECT_TEST_KEYRING=1 missing). ' +
        'Run: bash scripts/with-keyring.sh npx vitest run --project integration',
    );
  }
}
