import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { CheckSpec } from '../../../../main/connectors/types';
import { useMsg } from '../../components/useMsg';
import type { CheckRun } from '../../store';
import { runProgress } from '../../store/checkRun';

function useRunSummary(run: CheckRun, specs: ReadonlyArray<CheckSpec>): string {
  const { t } = useTranslation();
  const renderMsg = useMsg();
  const checks = Object.values(run.checks);
  const count = (status: string): number => checks.filter((c) => c.status === status).length;
  if (run.running) {
    const current = specs.find((spec) => run.checks[spec.id]?.status === 'running');
    const finished = checks.length - count('pending') - count('running');
    return current
      ? t('test.summary.running', { done: finished, total: checks.length, check: renderMsg(current.title) })
      : t('test.summary.starting');
  }
  if (run.cancelled) return t('test.summary.cancelled');
  if (count('pending') === checks.length) return t('test.summary.notRun');
  return t('test.summary.done', { passed: count('passed'), failed: count('failed'), warnings: count('warning'), skipped: count('skipped') });
}

/** The run's progress bar and a polite live summary for screen readers. */
export function RunProgress({ run, specs }: { run: CheckRun; specs: ReadonlyArray<CheckSpec> }) {
  const { t } = useTranslation();
  const summary = useRunSummary(run, specs);
  const value = runProgress(run);
  return (
    <Box sx={{ mb: 2 }}>
      {run.running && (
        <LinearProgress
          variant={value === null ? 'indeterminate' : 'determinate'}
          value={value ?? undefined}
          aria-label={t('test.progressLabel')}
          data-testid="test-progress"
          sx={{ mb: 1, height: 8, borderRadius: 4 }}
        />
      )}
      <Typography role="status" aria-live="polite" variant="body2" data-testid="test-summary">
        {summary}
      </Typography>
    </Box>
  );
}
