import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { FieldSpec } from '../../../../preload/contract';
import { CopyButton } from '../../components/CopyButton';
import { useMsg } from '../../components/useMsg';
import { MONOSPACE } from '../../theme';
import { FieldHelp } from './FieldHelp';

/** A value the user cannot change but may need to paste elsewhere (e.g. Exopen's partner search key). */
export function FixedInput({ field }: { field: FieldSpec }) {
  const renderMsg = useMsg();
  const label = renderMsg(field.label);
  const value = field.fixedValue ?? field.defaultValue ?? '';
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
      <TextField
        id={`field-${field.id}`}
        label={label}
        value={value}
        helperText={<FieldHelp help={field.help && renderMsg(field.help)} />}
        fullWidth
        slotProps={{
          htmlInput: { 'data-testid': `field-${field.id}`, readOnly: true, style: { fontFamily: MONOSPACE } },
        }}
      />
      <Stack sx={{ pt: 1 }}>
        <CopyButton id={field.id} value={value} what={label} />
      </Stack>
    </Stack>
  );
}
