import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { BootState } from '../store';
import { ErrorAlert } from './ErrorAlert';

/** What shows before the wizard: a spinner while loading, or why the app could not start. */
export function BootScreen({ boot, onRetry }: { boot: Exclude<BootState, { phase: 'ready' }>; onRetry: () => void }) {
  const { t } = useTranslation();
  if (boot.phase === 'loading') {
    return (
      <Box role="status" sx={{ display: 'flex', alignItems: 'center', gap: 2, py: 8, justifyContent: 'center' }}>
        <CircularProgress size={28} aria-hidden />
        <Typography component="h1" variant="body1">
          {t('boot.loading')}
        </Typography>
      </Box>
    );
  }
  return (
    <>
      <Typography component="h1" variant="h1" sx={{ mb: 2 }}>
        {t('boot.failed')}
      </Typography>
      <ErrorAlert error={boot.error} onRetry={onRetry} />
    </>
  );
}
