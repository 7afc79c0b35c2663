import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import { useTranslation } from 'react-i18next';
import type { WizardStep } from '../../../preload/contract';

export const STEP_ORDER: ReadonlyArray<WizardStep> = ['system', 'prepare', 'credentials', 'test', 'companies', 'review', 'handoff', 'status'];

/** Where the user is in the setup; a progress display, not navigation (Back and Next move between steps). */
export function WizardStepper({ current, finished }: { current: WizardStep; finished: boolean }) {
  const { t } = useTranslation();
  const activeStep = finished ? STEP_ORDER.length : STEP_ORDER.indexOf(current);
  return (
    <Stepper activeStep={activeStep} alternativeLabel aria-label={t('steps.progressLabel')} sx={{ mb: 3 }}>
      {STEP_ORDER.map((step, index) => (
        <Step key={step} completed={index < activeStep} aria-current={index === activeStep ? 'step' : undefined}>
          <StepLabel>{t(`steps.${step}`)}</StepLabel>
        </Step>
      ))}
    </Stepper>
  );
}
