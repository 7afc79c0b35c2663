import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import type { BackendEnvironment } from '../../../../preload/contract';

const ENVIRONMENTS: ReadonlyArray<BackendEnvironment> = ['sandbox', 'production', 'custom'];
const isEnvironment = (value: string): value is BackendEnvironment => (ENVIRONMENTS as ReadonlyArray<string>).includes(value);

interface EnvironmentFieldsProps {
  environment: BackendEnvironment;
  url: string;
  /** The message for the URL field, shown once the field was left or Save was pressed. */
  urlError?: string;
  onEnvironment: (environment: BackendEnvironment) => void;
  onUrl: (url: string) => void;
  onUrlBlur: () => void;
}

/** Sandbox, Exopen or a custom backend; the address field only for custom. */
export function EnvironmentFields({ environment, url, urlError, onEnvironment, onUrl, onUrlBlur }: EnvironmentFieldsProps) {
  const { t } = useTranslation();
  return (
    <Stack spacing={2}>
      <TextField
        select
        id="settings-environment"
        label={t('settings.environment')}
        value={environment}
        onChange={(event) => {
          if (isEnvironment(event.target.value)) onEnvironment(event.target.value);
        }}
        fullWidth
        slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'settings-environment' }, inputLabel: { shrink: true } }}
      >
        {ENVIRONMENTS.map((value) => (
          <option key={value} value={value}>
            {t(`settings.environments.${value}`)}
          </option>
        ))}
      </TextField>
      {environment === 'custom' && (
        <TextField
          id="settings-url"
          label={t('settings.url')}
          value={url}
          required
          type="url"
          error={urlError !== undefined}
          helperText={urlError ?? t('settings.urlHelp')}
          onChange={(event) => onUrl(event.target.value)}
          onBlur={onUrlBlur}
          fullWidth
          autoComplete="off"
          slotProps={{ htmlInput: { 'data-testid': 'settings-url', spellCheck: false } }}
        />
      )}
    </Stack>
  );
}
