import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { useTranslation } from 'react-i18next';
import { useActions } from '../store';
import { MONOSPACE } from '../theme';

/** "Copy" for a value the admin pastes elsewhere; the accessible name says what is copied. */
export function CopyButton({ id, value, what }: { id: string; value: string; what: string }) {
  const { t } = useTranslation();
  const { copy } = useActions();
  return (
    <Button
      size="small"
      variant="outlined"
      startIcon={<ContentCopyIcon aria-hidden />}
      onClick={() => void copy(value)}
      aria-label={t('common:copyWhat', { what })}
      data-testid={`copy-${id}`}
    >
      {t('common:copy')}
    </Button>
  );
}

/** A value in monospace with its Copy button. */
export function CopyableValue({ id, value, what }: { id: string; value: string; what: string }) {
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
      <Box component="code" sx={{ fontFamily: MONOSPACE, fontSize: '0.95rem', bgcolor: 'grey.100', px: 0.75, py: 0.25, borderRadius: 1, wordBreak: 'break-all' }}>
        {value}
      </Box>
      <CopyButton id={id} value={value} what={what} />
    </Box>
  );
}
