import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { StepLayout } from '../../components/StepLayout';
import { useActions, useAppStore, type HandoffState } from '../../store';
import { isSessionEnded } from '../../store/api';
import { BulkHandoffStep } from './BulkHandoffStep';
import { HandoffError } from './HandoffError';

/** Hand off: creates the data source at Exopen. Safe to press again: the service makes it idempotent. */
export function HandoffStep({ state }: { state: HandoffState }) {
  const { t } = useTranslation();
  const { submitHandoff, back } = useActions();
  const signedIn = useAppStore((app) => app.auth.phase === 'signedIn');
  const waitingForSignIn = state.error !== null && isSessionEnded(state.error) && !signedIn;
  const retry = state.session.recreateOf ? 'handoff.recreateRetry' : 'handoff.retry';
  if (state.bulk) return <BulkHandoffStep state={state} bulk={state.bulk} />;

  return (
    <StepLayout
      title={t('handoff.title')}
      intro={t('handoff.intro', { system: state.session.descriptor.name })}
      onBack={back}
      backDisabled={state.busy}
      primary={{
        label: t(state.error ? retry : 'handoff.submitting'),
        onClick: () => void submitHandoff(),
        disabled: !state.error || waitingForSignIn,
        busy: state.busy,
        testId: 'handoff-submit',
      }}
    >
      {state.busy && (
        <Box role="status" sx={{ my: 2 }}>
          <Typography sx={{ mb: 1 }}>{t('handoff.working')}</Typography>
          <LinearProgress aria-label={t('handoff.progressLabel')} data-testid="handoff-progress" />
        </Box>
      )}
      {state.error && <HandoffError error={state.error} descriptor={state.session.descriptor} />}
    </StepLayout>
  );
}
