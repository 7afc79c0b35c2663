import { useEffect } from 'react';
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import { useTranslation } from 'react-i18next';
import { StepLayout } from '../../components/StepLayout';
import { useMsg } from '../../components/useMsg';
import { useActions, useAppStore, type CredentialsState } from '../../store';
import { canStartTest, visibleFields } from '../../store/session';
import { FieldInput } from './FieldInput';
import { useAutoTest } from './useAutoTest';

/** Credentials: the descriptor's fields with "where to find it" help and inline format errors. */
export function CredentialsStep({ state }: { state: CredentialsState }) {
  const { t } = useTranslation();
  const renderMsg = useMsg();
  const { startTest, back } = useActions();
  const sessionOnly = useAppStore((s) => s.boot.phase === 'ready' && s.boot.appInfo.secretBackend.kind === 'memory');
  const { descriptor } = state.session;
  const fieldIds = new Set(descriptor.fields.map((field) => field.id));
  const formErrors = [...(state.showAllErrors ? state.session.fieldErrors : []), ...state.externalErrors].filter((error) => !fieldIds.has(error.field));

  const autoTest = useAutoTest(state, startTest);

  // Opened from a hand-off error's link: the named field gets the focus (after StepLayout focused the heading).
  useEffect(() => {
    if (state.focusField) document.getElementById(`field-${state.focusField}`)?.focus();
  }, [state.focusField]);

  return (
    <StepLayout
      title={t('credentials.title', { system: descriptor.name })}
      intro={`${t(sessionOnly ? 'credentials.introSession' : 'credentials.intro')}${autoTest ? ` ${t('credentials.autoTest')}` : ''}`}
      error={state.error}
      onBack={back}
      backDisabled={state.busy}
      primary={{
        label: t('credentials.test'),
        onClick: () => void startTest(),
        disabled: !canStartTest(state),
        busy: state.busy,
        testId: 'test-run',
      }}
    >
      {formErrors.map((error) => (
        <Alert key={`${error.field}-${error.message.key}`} severity="error" sx={{ mb: 2 }}>
          {renderMsg(error.message)}
        </Alert>
      ))}
      <Stack spacing={3} sx={{ maxWidth: 640 }}>
        {visibleFields(state.session).map((field) => (
          <FieldInput key={field.id} field={field} state={state} sessionOnly={sessionOnly} />
        ))}
      </Stack>
    </StepLayout>
  );
}
