import type { FieldSpec } from '../../../../preload/contract';
import { useMsg } from '../../components/useMsg';
import { assertNever, useActions, type CredentialsState } from '../../store';
import { shownFieldError } from '../../store/session';
import { FixedInput } from './FixedInput';
import { SecretInput } from './SecretInput';
import { SelectInput } from './SelectInput';
import { TextInput } from './TextInput';

interface FieldInputProps {
  field: FieldSpec;
  state: CredentialsState;
  sessionOnly: boolean;
}

/** The right input for a descriptor field. */
export function FieldInput({ field, state, sessionOnly }: FieldInputProps) {
  const renderMsg = useMsg();
  const { editField, touchField, typeSecret, storeSecret } = useActions();
  const fieldError = shownFieldError(state, field.id);
  const error = fieldError ? renderMsg(fieldError.message) : undefined;
  const value = state.session.fields[field.id] ?? '';

  switch (field.kind) {
    case 'text':
      return <TextInput field={field} value={value} error={error} onChange={(v) => editField(field.id, v)} onBlur={() => touchField(field.id)} />;
    case 'select':
      return <SelectInput field={field} value={value} error={error} onChange={(v) => editField(field.id, v)} />;
    case 'fixed':
      return <FixedInput field={field} />;
    case 'secret':
      return (
        <SecretInput
          field={field}
          typed={state.typedSecrets[field.id] ?? ''}
          stored={state.session.secretsStored[field.id] === true}
          sessionOnly={sessionOnly}
          error={error}
          onType={(v) => typeSecret(field.id, v)}
          onStore={() => void storeSecret(field.id)}
        />
      );
    default:
      return assertNever(field.kind);
  }
}
