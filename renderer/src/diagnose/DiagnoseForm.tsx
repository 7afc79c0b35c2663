import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { useTranslation } from 'react-i18next';
import type { FieldSpec, SystemDescriptor, SystemId } from '../../../preload/contract';
import { useMsg } from '../components/useMsg';
import { FixedInput } from '../steps/credentials/FixedInput';
import { SecretInput } from '../steps/credentials/SecretInput';
import { SelectInput } from '../steps/credentials/SelectInput';
import { TextInput } from '../steps/credentials/TextInput';
import { assertNever, useActions, useAppStore, type DiagnoseState } from '../store';
import { diagnoseFields, draftUsable, missingFields, usesDraft } from '../store/diagnoseActions';

/** The problem a field shows: what main said about it, or "required" once touched or after a Run attempt. */
function useFieldError(state: DiagnoseState, descriptor: SystemDescriptor): (field: FieldSpec) => string | undefined {
  const { t } = useTranslation();
  const renderMsg = useMsg();
  const missing = new Set(missingFields(state, descriptor));
  return (field) => {
    const reported = state.fieldErrors.find((error) => error.field === field.id);
    if (reported) return renderMsg(reported.message);
    if (!missing.has(field.id) || (!state.showAllErrors && !state.touched.includes(field.id))) return undefined;
    return t('diagnose.form.required', { field: renderMsg(field.label) });
  };
}

function CredentialFields({ state, descriptor }: { state: DiagnoseState; descriptor: SystemDescriptor }) {
  const { editDiagnoseField, touchDiagnoseField, typeDiagnoseSecret } = useActions();
  const errorOf = useFieldError(state, descriptor);
  return (
    <Stack spacing={3} sx={{ maxWidth: 640 }}>
      {diagnoseFields(descriptor, state.fields).map((field) => {
        const error = errorOf(field);
        const value = state.fields[field.id] ?? '';
        switch (field.kind) {
          case 'text':
            return <TextInput key={field.id} field={field} value={value} error={error} onChange={(v) => editDiagnoseField(field.id, v)} onBlur={() => touchDiagnoseField(field.id)} />;
          case 'select':
            return <SelectInput key={field.id} field={field} value={value} error={error} onChange={(v) => editDiagnoseField(field.id, v)} />;
          case 'fixed':
            return <FixedInput key={field.id} field={field} />;
          case 'secret':
            return (
              <SecretInput
                key={field.id}
                field={field}
                typed={state.typedSecrets[field.id] ?? ''}
                stored={false}
                sessionOnly={false}
                error={error}
                onType={(v) => typeDiagnoseSecret(field.id, v)}
                onStore={() => touchDiagnoseField(field.id)}
              />
            );
          default:
            return assertNever(field.kind);
        }
      })}
    </Stack>
  );
}

/** Pick a system, then the setup in progress or a typed credential, and Run. */
export function DiagnoseForm({ descriptor }: { descriptor: SystemDescriptor | null }) {
  const { t } = useTranslation();
  const state = useAppStore((s) => s.diagnose);
  const systems = useAppStore((s) => (s.boot.phase === 'ready' ? s.boot.systems : []));
  const { chooseDiagnoseSystem, chooseDiagnoseSource, runDiagnosis } = useActions();

  return (
    <Box
      component="form"
      aria-labelledby="diagnose-form-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void runDiagnosis();
      }}
      sx={{ mb: 3 }}
    >
      <Typography id="diagnose-form-heading" component="h2" variant="h2" sx={{ fontSize: '1.25rem', mb: 2 }}>
        {t('diagnose.form.heading')}
      </Typography>
      <Stack spacing={3} sx={{ maxWidth: 640 }}>
        <TextField
          select
          id="diagnose-system"
          label={t('diagnose.form.system')}
          value={state.system ?? ''}
          onChange={(event) => chooseDiagnoseSystem(event.target.value as SystemId)}
          disabled={state.running}
          fullWidth
          slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'diagnose-system' }, inputLabel: { shrink: true } }}
        >
          {state.system === null && <option value="">{t('diagnose.form.systemPlaceholder')}</option>}
          {systems.map((system) => (
            <option key={system.id} value={system.id}>
              {system.name}
            </option>
          ))}
        </TextField>
        {descriptor && draftUsable(state) && (
          <FormControl>
            <FormLabel id="diagnose-source-label">{t('diagnose.form.sourceLabel')}</FormLabel>
            <RadioGroup
              aria-labelledby="diagnose-source-label"
              value={state.source}
              onChange={(event) => chooseDiagnoseSource(event.target.value === 'draft' ? 'draft' : 'typed')}
            >
              <FormControlLabel value="draft" control={<Radio slotProps={{ input: { 'data-testid': 'diagnose-source-draft' } as object }} />} label={t('diagnose.form.sourceDraft')} disabled={state.running} />
              <FormControlLabel value="typed" control={<Radio slotProps={{ input: { 'data-testid': 'diagnose-source-typed' } as object }} />} label={t('diagnose.form.sourceTyped')} disabled={state.running} />
            </RadioGroup>
          </FormControl>
        )}
      </Stack>
      {descriptor && usesDraft(state) && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 2, maxWidth: 640 }}>
          {t('diagnose.form.sourceDraftHelp', { system: descriptor.name })}
        </Typography>
      )}
      {descriptor && !usesDraft(state) && (
        <Box sx={{ mt: 3 }}>
          <Alert severity="info" sx={{ mb: 3, maxWidth: 640 }}>
            {t('diagnose.form.typedIntro')}
          </Alert>
          <CredentialFields state={state} descriptor={descriptor} />
        </Box>
      )}
      {!descriptor && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
          {t('diagnose.form.chooseFirst')}
        </Typography>
      )}
      <Button
        type="submit"
        variant="contained"
        startIcon={<PlayArrowIcon aria-hidden />}
        disabled={!descriptor || state.running}
        data-testid="diagnose-run"
        sx={{ mt: 3 }}
      >
        {t(state.running ? 'diagnose.form.running' : 'diagnose.form.run')}
      </Button>
    </Box>
  );
}
