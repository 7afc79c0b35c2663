import { useRef, useState, type KeyboardEvent } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useMsg } from '../../components/useMsg';
import { useActions, useAppStore, type UiError } from '../../store';

type LocalProblem = 'nameTooShort' | 'nameTooLong';

function localProblem(name: string): LocalProblem | null {
  const length = name.trim().length;
  if (length < 2) return 'nameTooShort';
  return length > 80 ? 'nameTooLong' : null;
}

/** What Exopen said about the name, on the field: its field error, else the message of the failure. */
function useServerMessage(error: UiError | null): string | undefined {
  const { t } = useTranslation();
  const renderMsg = useMsg();
  if (!error) return undefined;
  const onName = error.fieldErrors?.find((fieldError) => fieldError.field === 'name');
  if (onName) return renderMsg(onName.message);
  return t('domain.createFailed', { message: error.message });
}

/**
 * "Create a new company domain": a name and a button, inside the Review form. Enter here creates the domain;
 * it must not hand off.
 */
export function DomainCreateForm() {
  const { t } = useTranslation();
  const { creating, createError } = useAppStore((state) => state.domains);
  const { createDomain, clearDomainCreateError } = useActions();
  const [name, setName] = useState('');
  const [tried, setTried] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const problem = localProblem(name);
  const serverMessage = useServerMessage(createError);
  const message = tried && problem ? t(`domain.${problem}`) : serverMessage;

  const submit = async (): Promise<void> => {
    setTried(true);
    if (problem) return inputRef.current?.focus();
    if (await createDomain(name)) {
      setName('');
      setTried(false);
    } else inputRef.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void submit();
  };

  return (
    <Box component="section" aria-labelledby="domain-create-title" sx={{ mt: 3 }}>
      <Typography id="domain-create-title" component="h3" variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
        {t('domain.createTitle')}
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <TextField
          id="domain-create-name"
          inputRef={inputRef}
          label={t('domain.createName')}
          value={name}
          error={message !== undefined}
          helperText={message}
          onChange={(event) => {
            setName(event.target.value);
            clearDomainCreateError();
          }}
          onKeyDown={onKeyDown}
          size="small"
          autoComplete="off"
          sx={{ minWidth: 280, flexGrow: 1, maxWidth: 480 }}
          slotProps={{ htmlInput: { 'data-testid': 'domain-create-name', maxLength: 200 } }}
        />
        <Button
          variant="outlined"
          onClick={() => void submit()}
          disabled={creating}
          startIcon={creating ? <CircularProgress size={16} color="inherit" aria-hidden /> : undefined}
          data-testid="domain-create"
          sx={{ mt: 0.25 }}
        >
          {t('domain.create')}
        </Button>
      </Box>
    </Box>
  );
}
