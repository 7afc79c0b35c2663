import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import { useTranslation } from 'react-i18next';
import type { SecretBackend } from '../../../preload/contract';

/** Says plainly when there is no keychain and secrets live only for this session. */
export function SecretBackendNotice({ secretBackend }: { secretBackend: SecretBackend }) {
  const { t } = useTranslation();
  if (secretBackend.kind === 'keychain') return null;
  return (
    <Alert severity="warning" sx={{ mb: 2 }} data-testid="secret-backend-memory">
      <AlertTitle>{t('secretBackend.memoryTitle')}</AlertTitle>
      {t('secretBackend.memoryBody', { reason: secretBackend.reason })}
    </Alert>
  );
}
