import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { UiError } from '../../store';

/** Codes with a sentence of their own; anything else gets main's message and the generic advice. */
const KNOWN = new Set([
  'E_AUTH_TIMEOUT',
  'E_AUTH_STATE',
  'E_AUTH_DENIED',
  'E_AUTH_EXCHANGE',
  'E_AUTH_CANCELLED',
  'E_AUTH_PORT',
  'E_AUTH_UNREACHABLE',
  'E_AUTH_BUSY',
  'E_AUTH_BROWSER',
  'E_AUTH_CONFIG',
  'E_AUTH_PROVIDER',
]);

/** Why a sign-in did not complete, in one plain sentence of what to do, with the stable code. */
export function SignInError({ error, onClose }: { error: UiError; onClose?: () => void }) {
  const { t } = useTranslation();
  const known = KNOWN.has(error.code);
  return (
    <Alert
      severity={error.code === 'E_AUTH_CANCELLED' ? 'info' : 'error'}
      data-testid="signin-error"
      data-code={error.code}
      onClose={onClose}
      sx={{ mb: 2 }}
    >
      <AlertTitle>{t('signIn.errorTitle')}</AlertTitle>
      {!known && <Typography variant="body2">{error.message}</Typography>}
      <Typography variant="body2">{t(known ? `signIn.errors.${error.code}` : 'signIn.errors.generic')}</Typography>
      <Typography variant="caption" component="p" sx={{ mt: 0.5, fontFamily: 'monospace' }}>
        {t('errors.code', { code: error.code })}
      </Typography>
    </Alert>
  );
}
