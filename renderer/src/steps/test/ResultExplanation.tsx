import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { CheckResult } from '../../../../preload/contract';
import { useMsg } from '../../components/useMsg';
import { VendorTextBox } from './VendorTextBox';

type Problem = Extract<CheckResult, { status: 'failed' | 'warning' }>;

interface ResultExplanationProps {
  result: Problem;
  system: string;
  /** Offered when the input itself is wrong: go back and fix the credentials. */
  onEditCredentials: () => void;
}

/** A failed or warning check: never just "failed" — the vendor's words, what they mean, and the exact fix. */
export function ResultExplanation({ result, system, onEditCredentials }: ResultExplanationProps) {
  const { t } = useTranslation();
  const renderMsg = useMsg();
  return (
    <Box sx={{ mt: 1, pl: 2, borderLeft: 4, borderColor: result.status === 'failed' ? 'error.main' : 'warning.main' }}>
      <Typography variant="body2" color="text.secondary">
        {t(`test.kind.${result.kind}`, { system })}
      </Typography>
      {result.vendor && <VendorTextBox vendor={result.vendor} system={system} />}
      <Typography component="h3" variant="subtitle2" sx={{ mt: 1.5 }}>
        {t('test.meaning')}
      </Typography>
      <Typography variant="body2">{renderMsg(result.meaning)}</Typography>
      <Typography component="h3" variant="subtitle2" sx={{ mt: 1.5 }}>
        {t('test.fix')}
      </Typography>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }} data-testid={`fix-${result.checkId}`}>
        {renderMsg(result.fix)}
      </Typography>
      {result.kind === 'input' && (
        <Button size="small" sx={{ mt: 1 }} onClick={onEditCredentials} data-testid={`edit-credentials-${result.checkId}`}>
          {t('test.editCredentials')}
        </Button>
      )}
    </Box>
  );
}
