import { useEffect } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { StepLayout } from '../components/StepLayout';
import { useMsg } from '../components/useMsg';
import { useActions, type StatusState } from '../store';
import { RunStatusLabel } from './RunStatusLabel';
import { StatusResources } from './StatusResources';

/** Status: the initial data run at Exopen, polled every second until it is done or failed. */
export function StatusStep({ state }: { state: StatusState }) {
  const { t } = useTranslation();
  const renderMsg = useMsg();
  const { startStatusPolling, connectAnother, showView } = useActions();
  const { status } = state;

  useEffect(() => startStatusPolling(), [startStatusPolling, state.dataSourceId]);

  const active = !status || status.status === 'queued' || status.status === 'running';
  return (
    <StepLayout
      title={t('status.title')}
      intro={t('status.intro', { name: status?.displayName ?? state.session.descriptor.name })}
      error={state.error}
      primary={{ label: t('status.connectAnother'), onClick: () => void connectAnother(), testId: 'status-done' }}
      actions={
        <Button variant="outlined" onClick={() => showView('dataSources')} data-testid="status-open-datasources">
          {t('status.openDataSources')}
        </Button>
      }
    >
      <Box data-testid="status-overall" data-status={status?.status ?? 'queued'} sx={{ mb: 3 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
          <RunStatusLabel status={status?.status ?? 'queued'} />
          {status && <Typography variant="body2">{t('status.percent', { value: Math.round(status.progress * 100) })}</Typography>}
        </Box>
        <LinearProgress
          variant={status ? 'determinate' : 'indeterminate'}
          value={status ? Math.min(100, Math.max(0, status.progress * 100)) : undefined}
          color={status?.status === 'failed' ? 'error' : status?.status === 'done' ? 'success' : 'primary'}
          aria-label={t('status.progressLabel')}
          sx={{ height: 8, borderRadius: 4 }}
        />
        <Typography role="status" variant="body2" sx={{ mt: 1 }}>
          {t(`status.summary.${status?.status ?? 'queued'}`)}
        </Typography>
      </Box>
      {status?.error && (
        <Box data-testid="status-error" sx={{ mb: 3, p: 2, border: 1, borderColor: 'error.main', borderRadius: 1 }}>
          <Typography component="h2" variant="h2" color="error.main">
            {status.error.resource ? t('status.failedResource', { resource: status.error.resource }) : t('status.failed')}
          </Typography>
          <Typography sx={{ mt: 1 }}>{status.error.message}</Typography>
          {status.error.fix && (
            <>
              <Typography component="h3" variant="subtitle2" sx={{ mt: 1.5 }}>
                {t('test.fix')}
              </Typography>
              <Typography sx={{ whiteSpace: 'pre-line' }}>{renderMsg(status.error.fix)}</Typography>
            </>
          )}
        </Box>
      )}
      {status && status.resources.length > 0 && <StatusResources resources={status.resources} />}
      {active && (
        <Typography variant="body2" color="text.secondary">
          {t('status.keepOpen')}
        </Typography>
      )}
    </StepLayout>
  );
}
