import TextField from '@mui/material/TextField';
import type { FieldSpec } from '../../../../preload/contract';
import { useMsg } from '../../components/useMsg';
import { FieldHelp } from './FieldHelp';

interface TextInputProps {
  field: FieldSpec;
  value: string;
  error?: string;
  onChange: (value: string) => void;
  onBlur: () => void;
}

/** A plain text field (Business ID, API user id…). Edits autosave through the store. */
export function TextInput({ field, value, error, onChange, onBlur }: TextInputProps) {
  const renderMsg = useMsg();
  return (
    <TextField
      id={`field-${field.id}`}
      label={renderMsg(field.label)}
      value={value}
      required={field.required}
      placeholder={field.placeholder}
      error={error !== undefined}
      helperText={<FieldHelp error={error} help={field.help && renderMsg(field.help)} />}
      onChange={(event) => onChange(event.target.value)}
      onBlur={onBlur}
      fullWidth
      autoComplete="off"
      slotProps={{ htmlInput: { 'data-testid': `field-${field.id}`, spellCheck: false } }}
    />
  );
}
