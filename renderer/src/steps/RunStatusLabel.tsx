import type { ReactElement } from 'react';
import Chip from '@mui/material/Chip';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import HourglassEmptyIcon from '@mui/icons-material/HourglassEmpty';
import SyncIcon from '@mui/icons-material/Sync';
import { useTranslation } from 'react-i18next';
import type { RunStatus } from '../../../preload/contract';
import { assertNever } from '../store';

function look(status: RunStatus): { icon: ReactElement; color: 'default' | 'primary' | 'success' | 'error' } {
  switch (status) {
    case 'queued':
      return { icon: <HourglassEmptyIcon aria-hidden />, color: 'default' };
    case 'running':
      return { icon: <SyncIcon aria-hidden />, color: 'primary' };
    case 'done':
      return { icon: <CheckCircleIcon aria-hidden />, color: 'success' };
    case 'failed':
      return { icon: <ErrorIcon aria-hidden />, color: 'error' };
    default:
      return assertNever(status);
  }
}

/** Queued / Running / Done / Failed as a chip with an icon and a word. */
export function RunStatusLabel({ status, size = 'medium' }: { status: RunStatus; size?: 'small' | 'medium' }) {
  const { t } = useTranslation();
  const { icon, color } = look(status);
  return <Chip icon={icon} color={color} variant="outlined" size={size} label={t(`status.run.${status}`)} sx={{ fontWeight: 600 }} />;
}
