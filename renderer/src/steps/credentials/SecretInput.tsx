import { useState } from 'react';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import VisibilityIcon from '@mui/icons-material/Visibility';
import VisibilityOffIcon from '@mui/icons-material/VisibilityOff';
import { useTranslation } from 'react-i18next';
import type { FieldSpec } from '../../../../preload/contract';
import { useMsg } from '../../components/useMsg';
import { FieldHelp } from './FieldHelp';

interface SecretInputProps {
  field: FieldSpec;
  /** What is typed now; empty once it has been stored. */
  typed: string;
  stored: boolean;
  sessionOnly: boolean;
  error?: string;
  onType: (value: string) => void;
  onStore: () => void;
}

/**
 * A secret: stored in the keychain on blur, then the input empties. It never comes back, so the field then
 * says it is stored and that typing replaces it. Show/hide exists only while something is typed.
 */
export function SecretInput({ field, typed, stored, sessionOnly, error, onType, onStore }: SecretInputProps) {
  const { t } = useTranslation();
  const renderMsg = useMsg();
  const [visible, setVisible] = useState(false);
  const label = renderMsg(field.label);
  const showToggle = typed !== '';
  const storedNote = stored && typed === '' ? t(sessionOnly ? 'credentials.storedSession' : 'credentials.storedKeychain') : undefined;

  return (
    <TextField
      id={`field-${field.id}`}
      label={label}
      type={visible && showToggle ? 'text' : 'password'}
      value={typed}
      required={field.required && !stored}
      placeholder={stored ? '••••••••' : field.placeholder}
      error={error !== undefined}
      helperText={<FieldHelp error={error} stored={storedNote} help={field.help && renderMsg(field.help)} />}
      onChange={(event) => {
        onType(event.target.value);
        if (event.target.value === '') setVisible(false);
      }}
      onBlur={(event) => {
        // Leaving for the show/hide toggle is not leaving the field.
        if (event.relatedTarget instanceof HTMLElement && event.relatedTarget.dataset.secretToggle === field.id) return;
        setVisible(false);
        onStore();
      }}
      fullWidth
      autoComplete="new-password"
      slotProps={{
        htmlInput: { 'data-testid': `field-${field.id}`, spellCheck: false, autoCapitalize: 'off' },
        // Shrunk when stored, so the dots placeholder shows that a value exists.
        inputLabel: stored ? { shrink: true } : {},
        input: {
          endAdornment: showToggle ? (
            <InputAdornment position="end">
              <IconButton
                onClick={() => setVisible((v) => !v)}
                onMouseDown={(event) => event.preventDefault()}
                onBlur={(event) => {
                  if (event.relatedTarget instanceof HTMLElement && event.relatedTarget.id === `field-${field.id}`) return;
                  setVisible(false);
                  onStore();
                }}
                data-secret-toggle={field.id}
                aria-label={t(visible ? 'credentials.hideWhat' : 'credentials.showWhat', { what: label })}
                aria-pressed={visible}
                edge="end"
              >
                {visible ? <VisibilityOffIcon aria-hidden /> : <VisibilityIcon aria-hidden />}
              </IconButton>
            </InputAdornment>
          ) : undefined,
        },
      }}
    />
  );
}
