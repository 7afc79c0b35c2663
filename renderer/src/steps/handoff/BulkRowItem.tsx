import type { ReactElement } from 'react';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import HourglassEmptyIcon from '@mui/icons-material/HourglassEmpty';
import SyncIcon from '@mui/icons-material/Sync';
import { useTranslation } from 'react-i18next';
import type { BulkCompanyStatus } from '../../../../preload/contract';
import { useMsg } from '../../components/useMsg';
import { assertNever, type BulkRow } from '../../store';

function look(status: BulkCompanyStatus): { icon: ReactElement; color: 'default' | 'primary' | 'success' | 'error' } {
  switch (status) {
    case 'queued':
      return { icon: <HourglassEmptyIcon aria-hidden />, color: 'default' };
    case 'connecting':
      return { icon: <SyncIcon aria-hidden />, color: 'primary' };
    case 'connected':
      return { icon: <CheckCircleIcon aria-hidden />, color: 'success' };
    case 'failed':
      return { icon: <ErrorIcon aria-hidden />, color: 'error' };
    default:
      return assertNever(status);
  }
}

/** One company of a bulk hand-off: its name, where it stands (a word, not only a colour) and, if it failed, why and the fix. */
export function BulkRowItem({ row }: { row: BulkRow }) {
  const { t } = useTranslation();
  const renderMsg = useMsg();
  const { icon, color } = look(row.status);
  const detailId = `bulk-row-${row.companyId}-detail`;
  return (
    <ListItem
      data-testid={`bulk-row-${row.companyId}`}
      data-status={row.status}
      aria-describedby={row.status === 'failed' ? detailId : undefined}
      sx={{ display: 'block', px: 0, py: 1, borderBottom: 1, borderColor: 'divider' }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <Typography sx={{ flexGrow: 1, fontWeight: 600 }}>{row.name}</Typography>
        <Chip icon={icon} color={color} variant="outlined" size="small" label={t(`handoff.bulk.status.${row.status}`)} sx={{ fontWeight: 600 }} />
      </Box>
      {row.status === 'failed' && (
        <Box id={detailId} sx={{ mt: 0.5 }}>
          {row.reason && <Typography variant="body2">{renderMsg(row.reason)}</Typography>}
          {row.vendor && (
            <Typography variant="body2" sx={{ fontFamily: 'monospace', mt: 0.5 }}>
              {row.vendor.httpStatus
                ? t('handoff.bulk.vendorSaidStatus', { text: row.vendor.text, status: row.vendor.httpStatus })
                : t('handoff.bulk.vendorSaid', { text: row.vendor.text })}
            </Typography>
          )}
          {row.fix && (
            <Typography variant="body2" sx={{ mt: 0.5 }}>
              {t('handoff.bulk.fix', { fix: renderMsg(row.fix) })}
            </Typography>
          )}
        </Box>
      )}
    </ListItem>
  );
}
