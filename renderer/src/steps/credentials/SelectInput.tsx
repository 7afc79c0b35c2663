import TextField from '@mui/material/TextField';
import type { FieldSpec } from '../../../../preload/contract';
import { useMsg } from '../../components/useMsg';
import { FieldHelp } from './FieldHelp';

interface SelectInputProps {
  field: FieldSpec;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}

/** A choice among the descriptor's options, as a native select (reliable with keyboards and screen readers). */
export function SelectInput({ field, value, error, onChange }: SelectInputProps) {
  const renderMsg = useMsg();
  return (
    <TextField
      select
      id={`field-${field.id}`}
      label={renderMsg(field.label)}
      value={value}
      required={field.required}
      error={error !== undefined}
      helperText={<FieldHelp error={error} help={field.help && renderMsg(field.help)} />}
      onChange={(event) => onChange(event.target.value)}
      fullWidth
      slotProps={{ select: { native: true }, htmlInput: { 'data-testid': `field-${field.id}` }, inputLabel: { shrink: true } }}
    >
      {value === '' && <option value="" />}
      {(field.options ?? []).map((option) => (
        <option key={option.value} value={option.value}>
          {renderMsg(option.label)}
        </option>
      ))}
    </TextField>
  );
}
