import { useEffect, useRef } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import LoginIcon from '@mui/icons-material/Login';
import { useTranslation } from 'react-i18next';
import { useActions, useAppStore } from '../../store';
import { SignInError } from './SignInError';
import { SignInPending } from './SignInPending';

export type SignInReason = 'dataSources' | 'review' | 'broker' | 'handoff';

interface SignInPanelProps {
  /** Why sign-in is needed here; picks the sentence under the heading. */
  reason: SignInReason;
  /** The system name, for the broker sentence. */
  system?: string;
}

/**
 * "Sign in to Exopen" where something needs the session. While one is on screen the header leaves sign-in to
 * it, so there is always exactly one Sign in button, one pending state and one error.
 */
export function SignInPanel({ reason, system }: SignInPanelProps) {
  const { t } = useTranslation();
  const auth = useAppStore((state) => state.auth);
  const { signIn, signInPanelShown } = useActions();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const pending = auth.phase === 'signedOut' && auth.pending;
  const wasPending = useRef(pending);

  useEffect(() => signInPanelShown(), [signInPanelShown]);

  // Appearing in place of what had the focus (signed out, session ended): Sign in takes it. A step or page
  // that opens with this panel focuses its heading afterwards (parents' effects run after their children's).
  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body) buttonRef.current?.focus();
  }, []);

  // Back from the browser without a session (error or cancel): the focus returns to Sign in.
  useEffect(() => {
    if (wasPending.current && !pending) buttonRef.current?.focus();
    wasPending.current = pending;
  }, [pending]);

  const error = auth.phase === 'signedOut' ? auth.error : null;
  const ended = auth.phase === 'signedOut' && auth.ended;
  return (
    <Paper variant="outlined" component="section" aria-labelledby="signin-title" data-testid="signin-panel" sx={{ p: 3, my: 2, bgcolor: 'grey.50' }}>
      <Typography id="signin-title" component="h2" variant="h2" sx={{ mb: 1 }}>
        {t('signIn.title')}
      </Typography>
      {ended && (
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="signin-ended">
          {t('signIn.ended')}
        </Alert>
      )}
      <Typography sx={{ mb: 2 }}>{t(`signIn.reason.${reason}`, { system })}</Typography>
      {error && !pending && <SignInError error={error} />}
      {pending ? (
        <>
          <SignInPending />
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {t('signIn.pendingHint')}
          </Typography>
        </>
      ) : (
        <Button
          ref={buttonRef}
          variant="contained"
          startIcon={<LoginIcon aria-hidden />}
          onClick={() => void signIn()}
          disabled={auth.phase === 'signedIn'}
          data-testid="signin-button"
        >
          {t('signIn.button')}
        </Button>
      )}
    </Paper>
  );
}
