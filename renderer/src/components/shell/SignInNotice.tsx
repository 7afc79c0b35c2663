import Alert from '@mui/material/Alert';
import { useTranslation } from 'react-i18next';
import { useActions, useAppStore } from '../../store';
import { SignInError } from '../signin/SignInError';

/**
 * A sign-in error or "session ended" notice for when no sign-in panel is on the page (sign-in then happens in
 * the header). With a panel on screen, the panel says it.
 */
export function SignInNotice() {
  const { t } = useTranslation();
  const auth = useAppStore((state) => state.auth);
  const panelShown = useAppStore((state) => state.signInPanels > 0);
  const { dismissSignInNotice } = useActions();
  if (auth.phase !== 'signedOut' || auth.pending || panelShown) return null;
  if (auth.error) return <SignInError error={auth.error} onClose={dismissSignInNotice} />;
  if (!auth.ended) return null;
  return (
    <Alert severity="warning" onClose={dismissSignInNotice} sx={{ mb: 2 }} data-testid="signin-ended">
      {t('signIn.ended')}
    </Alert>
  );
}
