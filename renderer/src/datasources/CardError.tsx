import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { DataSourceCard } from '../../../preload/contract';
import { useMsg } from '../components/useMsg';

/** Why the last run failed, and the fix. */
export function CardError({ cardId, error }: { cardId: string; error: NonNullable<DataSourceCard['error']> }) {
  const { t } = useTranslation();
  const renderMsg = useMsg();
  return (
    <Box data-testid={`card-error-${cardId}`} sx={{ mt: 1.5, p: 1.5, border: 1, borderColor: 'error.main', borderRadius: 1 }}>
      <Typography component="p" variant="subtitle2" color="error.main">
        {error.resource ? t('status.failedResource', { resource: error.resource }) : t('status.failed')}
      </Typography>
      <Typography variant="body2" sx={{ mt: 0.5 }}>
        {error.message}
      </Typography>
      {error.fix && (
        <>
          <Typography component="p" variant="subtitle2" sx={{ mt: 1 }}>
            {t('dataSources.fix')}
          </Typography>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }}>
            {renderMsg(error.fix)}
          </Typography>
        </>
      )}
    </Box>
  );
}
