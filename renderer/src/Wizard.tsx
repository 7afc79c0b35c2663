import { ResumeNotice } from './components/ResumeNotice';
import { WizardStepper } from './components/WizardStepper';
import { CompaniesStep } from './steps/companies/CompaniesStep';
import { CredentialsStep } from './steps/credentials/CredentialsStep';
import { HandoffStep } from './steps/handoff/HandoffStep';
import { PrepareStep } from './steps/PrepareStep';
import { ReviewStep } from './steps/review/ReviewStep';
import { StatusStep } from './steps/StatusStep';
import { SystemStep } from './steps/SystemStep';
import { TestStep } from './steps/test/TestStep';
import { assertNever, useAppStore, type WizardState } from './store';

function CurrentStep({ state }: { state: WizardState }) {
  switch (state.step) {
    case 'system':
      return <SystemStep state={state} />;
    case 'prepare':
      return <PrepareStep state={state} />;
    case 'credentials':
      return <CredentialsStep state={state} />;
    case 'test':
      return <TestStep state={state} />;
    case 'companies':
      return <CompaniesStep state={state} />;
    case 'review':
      return <ReviewStep state={state} />;
    case 'handoff':
      return <HandoffStep state={state} />;
    case 'status':
      return <StatusStep state={state} />;
    default:
      return assertNever(state);
  }
}

/** The setup wizard: progress across the top, the current step below. */
export function Wizard() {
  const wizard = useAppStore((state) => state.wizard);
  return (
    <>
      <ResumeNotice />
      <WizardStepper current={wizard.step} finished={wizard.step === 'status' && wizard.status?.status === 'done'} />
      <CurrentStep key={wizard.step} state={wizard} />
    </>
  );
}
