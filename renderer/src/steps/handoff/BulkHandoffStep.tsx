import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import Typography from '@mui/material/Typography';
import ReplayIcon from '@mui/icons-material/Replay';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../../preload/contract';
import { StepLayout, type PrimaryAction } from '../../components/StepLayout';
import { useActions, type BulkHandoff, type HandoffState } from '../../store';
import { BulkRowItem } from './BulkRowItem';
import { HandoffError } from './HandoffError';

/** No company could be connected, so no data source exists: the rows say why and Retry is the way on. */
const NONE_CONNECTED = 'E_NO_COMPANY_CONNECTED' satisfies ErrorCode;

function counts(bulk: BulkHandoff) {
  const of = (status: string) => bulk.rows.filter((row) => row.status === status).length;
  return { total: bulk.rows.length, connected: of('connected'), failed: of('failed') };
}

/**
 * Hand off, company by company: one row per company follows `handoff.progress`, and the step moves on to
 * Status by itself once all are connected. A company that failed stays listed with its reason and fix; Retry
 * connects those again (the connected ones are left alone), or the user continues without them and adds them
 * later from Data sources.
 */
export function BulkHandoffStep({ state, bulk }: { state: HandoffState; bulk: BulkHandoff }) {
  const { t } = useTranslation();
  const { submitHandoff, retryFailedCompanies, continueToStatus, back } = useActions();
  const { total, connected, failed } = counts(bulk);
  const settled = connected + failed;
  const createFailed = state.error !== null && state.error.code !== NONE_CONNECTED;
  // Once a run is over, the failed companies come first: among 500 rows they would otherwise be hard to find.
  const rows = state.busy ? bulk.rows : [...bulk.rows.filter((row) => row.status === 'failed'), ...bulk.rows.filter((row) => row.status !== 'failed')];

  const primary: PrimaryAction = state.busy
    ? { label: t('handoff.submitting'), onClick: () => undefined, busy: true, testId: 'handoff-submit' }
    : createFailed
      ? { label: t('handoff.retry'), onClick: () => void submitHandoff(), testId: 'handoff-submit' }
      : { label: t('handoff.bulk.continue'), onClick: continueToStatus, disabled: bulk.dataSourceId === null, testId: 'bulk-continue' };

  return (
    <StepLayout
      title={t('handoff.title')}
      intro={t('handoff.bulk.intro', { system: state.session.descriptor.name, count: total })}
      onBack={back}
      backDisabled={state.busy}
      primary={primary}
      actions={
        failed > 0 && !state.busy ? (
          <Button variant="outlined" startIcon={<ReplayIcon aria-hidden />} onClick={() => void retryFailedCompanies()} data-testid="bulk-retry">
            {t('handoff.bulk.retry', { count: failed })}
          </Button>
        ) : undefined
      }
    >
      <Box sx={{ mb: 2 }}>
        <Typography role="status" data-testid="bulk-summary" data-connected={connected} data-failed={failed} sx={{ mb: 1 }}>
          {t(failed > 0 ? 'handoff.bulk.summaryFailed' : 'handoff.bulk.summary', { connected, failed, total })}
        </Typography>
        <LinearProgress
          variant="determinate"
          value={total === 0 ? 0 : (settled / total) * 100}
          color={failed > 0 ? 'warning' : 'primary'}
          aria-label={t('handoff.progressLabel')}
          data-testid="handoff-progress"
          sx={{ height: 8, borderRadius: 4 }}
        />
      </Box>
      {state.error?.code === NONE_CONNECTED && (
        <Alert severity="error" data-testid="error-alert" data-code={state.error.code} sx={{ mb: 2 }}>
          {t('handoff.bulk.noneConnected', { count: total })}
        </Alert>
      )}
      {createFailed && state.error && <HandoffError error={state.error} descriptor={state.session.descriptor} />}
      {failed > 0 && !state.busy && bulk.dataSourceId && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t('handoff.bulk.laterHint')}
        </Typography>
      )}
      <List aria-label={t('handoff.bulk.listLabel')} disablePadding data-testid="bulk-rows">
        {rows.map((row) => (
          <BulkRowItem key={row.companyId} row={row} />
        ))}
      </List>
    </StepLayout>
  );
}
