import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';
import { StepLayout } from '../components/StepLayout';
import { useActions, type HandoffState } from '../store';

/** Hand off: creates the data source at Exopen. Safe to press again: the service makes it idempotent. */
export function HandoffStep({ state }: { state: HandoffState }) {
  const { t } = useTranslation();
  const { submitHandoff, fixCredentials, back } = useActions();
  const hasFieldErrors = (state.error?.fieldErrors?.length ?? 0) > 0;

  return (
    <StepLayout
      title={t('handoff.title')}
      intro={t('handoff.intro', { system: state.session.descriptor.name })}
      onBack={back}
      backDisabled={state.busy}
      primary={{ label: t(state.error ? 'handoff.retry' : 'handoff.submitting'), onClick: () => void submitHandoff(), disabled: !state.error, busy: state.busy, testId: 'handoff-submit' }}
    >
      {state.busy && (
        <Box role="status" sx={{ my: 2 }}>
          <Typography sx={{ mb: 1 }}>{t('handoff.working')}</Typography>
          <LinearProgress aria-label={t('handoff.progressLabel')} data-testid="handoff-progress" />
        </Box>
      )}
      {state.error && (
        <ErrorAlert error={state.error} title={t('handoff.failed')}>
          {hasFieldErrors && (
            <Button variant="outlined" color="inherit" onClick={fixCredentials} data-testid="handoff-fix-credentials" sx={{ mt: 1 }}>
              {t('handoff.fixCredentials')}
            </Button>
          )}
        </ErrorAlert>
      )}
    </StepLayout>
  );
}
