import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import { useTranslation } from 'react-i18next';
import type { SecretBackend } from '../../../preload/contract';

/** Says plainly when there is no keychain (or it is locked) and secrets live only for this session. */
export function SecretBackendNotice({ secretBackend }: { secretBackend: SecretBackend }) {
  const { t } = useTranslation();
  if (secretBackend.kind === 'keychain') return null;
  // A locked keyring is not a missing one: the fix is to unlock it, so it gets its own words.
  if (secretBackend.locked)
    return (
      <Alert severity="warning" sx={{ mb: 2 }} data-testid="secret-backend-locked">
        <AlertTitle>{t('secretBackend.lockedTitle')}</AlertTitle>
        {t('secretBackend.lockedBody')}
      </Alert>
    );
  return (
    <Alert severity="warning" sx={{ mb: 2 }} data-testid="secret-backend-memory">
      <AlertTitle>{t('secretBackend.memoryTitle')}</AlertTitle>
      {t('secretBackend.memoryBody', { reason: secretBackend.reason })}
    </Alert>
  );
}
