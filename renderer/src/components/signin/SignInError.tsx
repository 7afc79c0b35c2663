import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { meaningOf } from '../../errors';
import type { UiError } from '../../store';

/**
 * Why a sign-in did not complete, in one plain sentence of what to do, with the stable code. Codes with a
 * sentence of their own (`signIn` in renderer/src/errors.ts) take their severity from there; anything
 * else gets main's message, the generic advice and the error severity.
 */
export function SignInError({ error, onClose }: { error: UiError; onClose?: () => void }) {
  const { t } = useTranslation();
  const meaning = meaningOf(error.code);
  const known = meaning.signIn === true;
  return (
    <Alert
      severity={known ? meaning.severity : 'error'}
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
