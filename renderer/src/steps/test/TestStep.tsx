import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ReplayIcon from '@mui/icons-material/Replay';
import RefreshIcon from '@mui/icons-material/Refresh';
import { useTranslation } from 'react-i18next';
import { StepLayout, type PrimaryAction } from '../../components/StepLayout';
import { SignInPanel } from '../../components/signin/SignInPanel';
import { useActions, useAppStore, type TestState } from '../../store';
import { hasProblems } from '../../store/checkRun';
import { CheckRow } from './CheckRow';
import { RunProgress } from './RunProgress';

function RunButtons({ state }: { state: TestState }) {
  const { t } = useTranslation();
  const { runChecks, cancelChecks } = useActions();
  const { run } = state;
  if (run.running) {
    return (
      <Button variant="outlined" color="inherit" onClick={() => void cancelChecks()} disabled={run.cancelling} data-testid="test-cancel">
        {t('common:cancel')}
      </Button>
    );
  }
  if (!state.session.report) return null;
  return (
    <>
      <Button variant="outlined" startIcon={<ReplayIcon aria-hidden />} onClick={() => void runChecks('failed')} disabled={!hasProblems(run)} data-testid="test-retry-failed">
        {t('test.retryFailed')}
      </Button>
      <Button variant="outlined" startIcon={<RefreshIcon aria-hidden />} onClick={() => void runChecks('all')} data-testid="test-rerun-all">
        {t('test.rerunAll')}
      </Button>
    </>
  );
}

/** The broker signs this system's requests and nobody is signed in: sign in first, the checks run right after. */
function WaitingForSignIn({ state }: { state: TestState }) {
  const { t } = useTranslation();
  const { back } = useActions();
  const { descriptor } = state.session;
  return (
    <StepLayout title={t('test.title', { system: descriptor.name })} intro={t('test.introNotRun', { system: descriptor.name })} onBack={back}>
      <SignInPanel reason="broker" system={descriptor.name} />
    </StepLayout>
  );
}

/** Test: the connector's named checks with live progress; problems come with the vendor's words and the fix. */
export function TestStep({ state }: { state: TestState }) {
  const signedIn = useAppStore((app) => app.auth.phase === 'signedIn');
  if (state.deferred !== null && !signedIn && !state.run.running) return <WaitingForSignIn state={state} />;
  return <CheckList state={state} />;
}

function CheckList({ state }: { state: TestState }) {
  const { t } = useTranslation();
  const { runChecks, continueFromTest, back } = useActions();
  const { descriptor, report } = state.session;
  const neverRun = !report && !state.run.running;
  const primary: PrimaryAction = neverRun
    ? { label: t('test.run'), onClick: () => void runChecks('all'), testId: 'test-run' }
    : { label: t('common:next'), onClick: continueFromTest, disabled: state.run.running || !report || report.overall === 'failed', testId: 'next' };

  return (
    <StepLayout
      title={t('test.title', { system: descriptor.name })}
      intro={t(neverRun ? 'test.introNotRun' : 'test.intro', { system: descriptor.name })}
      error={state.error}
      onBack={back}
      primary={primary}
      actions={<RunButtons state={state} />}
    >
      <RunProgress run={state.run} specs={descriptor.checks} />
      <List disablePadding aria-label={t('test.listLabel')}>
        {descriptor.checks.map((spec) => {
          const check = state.run.checks[spec.id];
          return check ? <CheckRow key={spec.id} spec={spec} check={check} system={descriptor.name} onEditCredentials={back} /> : null;
        })}
      </List>
    </StepLayout>
  );
}
