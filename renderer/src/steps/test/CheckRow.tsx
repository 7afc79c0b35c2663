import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Collapse from '@mui/material/Collapse';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { CheckSpec } from '../../../../main/connectors/types';
import { useMsg } from '../../components/useMsg';
import type { LiveCheck } from '../../store';
import { MatrixTable } from './MatrixTable';
import { ResultExplanation } from './ResultExplanation';
import { CheckStatusLabel } from './StatusLabel';

interface CheckRowProps {
  spec: CheckSpec;
  check: LiveCheck;
  system: string;
  onEditCredentials: () => void;
}

/** One named check: status, summary, and for problems the full explanation and the per-resource matrix. */
export function CheckRow({ spec, check, system, onEditCredentials }: CheckRowProps) {
  const { t } = useTranslation();
  const renderMsg = useMsg();
  const [showPassedRows, setShowPassedRows] = useState(false);
  const title = renderMsg(spec.title);
  const result = check.result;
  const problem = result && (result.status === 'failed' || result.status === 'warning') ? result : null;
  const rowsOpen = check.status !== 'passed' || showPassedRows;

  return (
    <ListItem
      data-testid={`check-${spec.id}`}
      data-status={check.status}
      sx={{ display: 'block', px: 0, py: 2, borderBottom: 1, borderColor: 'divider' }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography component="h2" variant="h2" sx={{ fontSize: '1rem', flexGrow: 1 }}>
          {title}
        </Typography>
        {check.status === 'running' && check.total !== undefined && (
          <Typography variant="body2" color="text.secondary">
            {t('test.rowsProgress', { done: check.done ?? 0, total: check.total })}
          </Typography>
        )}
        <CheckStatusLabel status={check.status} />
      </Box>
      {result && (
        <Typography variant="body2" sx={{ mt: 0.5 }}>
          {renderMsg(result.summary)}
        </Typography>
      )}
      {problem && <ResultExplanation result={problem} system={system} onEditCredentials={onEditCredentials} />}
      {check.rows.length > 0 && check.status === 'passed' && (
        <Button size="small" sx={{ mt: 1 }} onClick={() => setShowPassedRows((v) => !v)} aria-expanded={showPassedRows}>
          {t(showPassedRows ? 'test.hideRows' : 'test.showRows', { count: check.rows.length })}
        </Button>
      )}
      {check.rows.length > 0 && (
        <Collapse in={rowsOpen}>
          <MatrixTable checkId={spec.id} rows={check.rows} caption={t('test.matrix.caption', { check: title })} />
        </Collapse>
      )}
    </ListItem>
  );
}
