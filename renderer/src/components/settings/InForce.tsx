import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store';
import { backendInForce } from '../../store/selectors';

/** What the running assistant uses now, whatever is saved for the next start. */
export function InForce() {
  const { t } = useTranslation();
  const backend = useAppStore(backendInForce);
  if (!backend) return null;
  const name = t(`settings.environments.${backend.environment}`);
  return (
    <Typography variant="body2" sx={{ mb: 2, fontWeight: 600 }} data-testid="settings-in-force" data-environment={backend.environment}>
      {t('settings.inForce', { name: backend.environment === 'custom' ? `${name} — ${backend.url}` : name })}
    </Typography>
  );
}
