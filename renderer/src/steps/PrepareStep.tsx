import Alert from '@mui/material/Alert';
import List from '@mui/material/List';
import { useTranslation } from 'react-i18next';
import { PrerequisiteItem } from './PrerequisiteItem';
import { StepLayout } from '../components/StepLayout';
import { useActions, type PrepareState } from '../store';

/** Before you start: the vendor-side steps as a checklist. Next works either way; unticked items get a gentle note. */
export function PrepareStep({ state }: { state: PrepareState }) {
  const { t } = useTranslation();
  const { togglePrerequisite, continueFromPrepare, back } = useActions();
  const { descriptor, ticked } = state.session;
  const open = descriptor.prerequisites.filter((p) => !ticked.includes(p.id)).length;

  return (
    <StepLayout
      title={t('prepare.title', { system: descriptor.name })}
      intro={t('prepare.intro', { system: descriptor.name })}
      error={state.error}
      onBack={back}
      primary={{ label: t('common:next'), onClick: continueFromPrepare, testId: 'next' }}
    >
      <List aria-label={t('prepare.listLabel')} disablePadding>
        {descriptor.prerequisites.map((prerequisite, index) => (
          <PrerequisiteItem
            key={prerequisite.id}
            index={index}
            prerequisite={prerequisite}
            ticked={ticked.includes(prerequisite.id)}
            onToggle={() => togglePrerequisite(prerequisite.id)}
          />
        ))}
      </List>
      {open > 0 && (
        <Alert severity="info" sx={{ mt: 2 }} data-testid="prepare-unticked">
          {t('prepare.untickedNote', { count: open })}
        </Alert>
      )}
    </StepLayout>
  );
}
