import { useEffect, useRef } from 'react';
import Button from '@mui/material/Button';
import LoginIcon from '@mui/icons-material/Login';
import { useTranslation } from 'react-i18next';
import { useActions, useAppStore } from '../../store';
import { SignInPending } from '../signin/SignInPending';
import { UserMenu } from './UserMenu';

/**
 * The session in the header: the user's menu when signed in, else Sign in (or the pending state). While a
 * sign-in panel is on the page, sign-in happens there and the header shows nothing for it.
 */
export function SessionControl() {
  const { t } = useTranslation();
  const auth = useAppStore((state) => state.auth);
  const panelShown = useAppStore((state) => state.signInPanels > 0);
  const { signIn } = useActions();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const pending = auth.phase === 'signedOut' && auth.pending;
  const wasPending = useRef(pending);

  // Cancelled or failed: Cancel is gone, so the focus returns to Sign in.
  useEffect(() => {
    if (wasPending.current && !pending) buttonRef.current?.focus();
    wasPending.current = pending;
  }, [pending]);

  // Signed out from the menu: the menu button is gone; Sign in takes its place and the focus.
  const signedIn = auth.phase === 'signedIn';
  const wasSignedIn = useRef(signedIn);
  useEffect(() => {
    const active = document.activeElement;
    if (wasSignedIn.current && !signedIn && (!active || active === document.body)) buttonRef.current?.focus();
    wasSignedIn.current = signedIn;
  }, [signedIn]);

  if (auth.phase === 'unknown') return null;
  if (auth.phase === 'signedIn') return <UserMenu user={auth.user} />;
  if (panelShown) return null;
  if (pending) return <SignInPending compact />;
  return (
    <Button ref={buttonRef} color="inherit" variant="outlined" startIcon={<LoginIcon aria-hidden />} onClick={() => void signIn()} data-testid="signin-button">
      {t('header.signIn')}
    </Button>
  );
}
