import type { ReactElement } from 'react';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import BlockIcon from '@mui/icons-material/Block';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import DoNotDisturbIcon from '@mui/icons-material/DoNotDisturb';
import ErrorIcon from '@mui/icons-material/Error';
import RadioButtonUncheckedIcon from '@mui/icons-material/RadioButtonUnchecked';
import RemoveCircleOutlinedIcon from '@mui/icons-material/RemoveCircleOutlined';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { useTranslation } from 'react-i18next';
import type { MatrixRow } from '../../../../preload/contract';
import { assertNever, type LiveStatus } from '../../store';

type Tone = 'success.main' | 'error.main' | 'warning.main' | 'text.secondary' | 'primary.main';

function checkLook(status: LiveStatus): { icon: ReactElement; tone: Tone } {
  switch (status) {
    case 'pending':
      return { icon: <RadioButtonUncheckedIcon fontSize="small" aria-hidden />, tone: 'text.secondary' };
    case 'running':
      return { icon: <CircularProgress size={18} aria-hidden />, tone: 'primary.main' };
    case 'passed':
      return { icon: <CheckCircleIcon fontSize="small" aria-hidden />, tone: 'success.main' };
    case 'failed':
      return { icon: <ErrorIcon fontSize="small" aria-hidden />, tone: 'error.main' };
    case 'warning':
      return { icon: <WarningAmberIcon fontSize="small" aria-hidden />, tone: 'warning.main' };
    case 'skipped':
      return { icon: <RemoveCircleOutlinedIcon fontSize="small" aria-hidden />, tone: 'text.secondary' };
    default:
      return assertNever(status);
  }
}

function rowLook(status: MatrixRow['status']): { icon: ReactElement; tone: Tone } {
  switch (status) {
    case 'allowed':
      return { icon: <CheckCircleIcon fontSize="small" aria-hidden />, tone: 'success.main' };
    case 'blocked':
      return { icon: <BlockIcon fontSize="small" aria-hidden />, tone: 'error.main' };
    case 'unavailable':
      return { icon: <DoNotDisturbIcon fontSize="small" aria-hidden />, tone: 'warning.main' };
    case 'error':
      return { icon: <ErrorIcon fontSize="small" aria-hidden />, tone: 'error.main' };
    default:
      return assertNever(status);
  }
}

function Labelled({ icon, tone, text }: { icon: ReactElement; tone: Tone; text: string }) {
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.75, color: tone, whiteSpace: 'nowrap' }}>
      {icon}
      <Typography component="span" variant="body2" sx={{ fontWeight: 600, color: tone }}>
        {text}
      </Typography>
    </Box>
  );
}

/** A check's status as icon and word (colour is never the only signal). */
export function CheckStatusLabel({ status }: { status: LiveStatus }) {
  const { t } = useTranslation();
  return <Labelled {...checkLook(status)} text={t(`test.status.${status}`)} />;
}

const chipColor = { 'success.main': 'success', 'error.main': 'error', 'warning.main': 'warning', 'text.secondary': 'default', 'primary.main': 'primary' } as const;

/** A matrix row's status as a chip: Allowed / Blocked / Unavailable / Error, each with its own icon. */
export function RowStatusLabel({ status }: { status: MatrixRow['status'] }) {
  const { t } = useTranslation();
  const { icon, tone } = rowLook(status);
  return <Chip size="small" variant="outlined" color={chipColor[tone]} icon={icon} label={t(`test.rowStatus.${status}`)} sx={{ fontWeight: 600 }} />;
}
