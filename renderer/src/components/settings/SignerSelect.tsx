import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import type { SignerMode, SystemId } from '../../../../preload/contract';

const MODES: ReadonlyArray<SignerMode> = ['broker', 'local'];

interface SignerSelectProps {
  system: SystemId;
  systemName: string;
  value: SignerMode;
  onChange: (mode: SignerMode) => void;
}

const isMode = (value: string): value is SignerMode => (MODES as ReadonlyArray<string>).includes(value);

/** Who signs one system's requests that need Exopen's partner secret. */
export function SignerSelect({ system, systemName, value, onChange }: SignerSelectProps) {
  const { t } = useTranslation();
  return (
    <TextField
      select
      id={`settings-signer-${system}`}
      label={t('settings.signer', { system: systemName })}
      value={value}
      onChange={(event) => {
        if (isMode(event.target.value)) onChange(event.target.value);
      }}
      fullWidth
      slotProps={{ select: { native: true }, htmlInput: { 'data-testid': `settings-signer-${system}` }, inputLabel: { shrink: true } }}
    >
      {MODES.map((mode) => (
        <option key={mode} value={mode}>
          {t(`settings.signerModes.${mode}`)}
        </option>
      ))}
    </TextField>
  );
}
