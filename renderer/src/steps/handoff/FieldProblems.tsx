import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { SystemDescriptor } from '../../../../preload/contract';
import { useMsg } from '../../components/useMsg';
import { useActions, type UiError } from '../../store';

/** Exopen refused some values: each one with its field and a link back to that field on Credentials. */
export function FieldProblems({ error, descriptor }: { error: UiError; descriptor: SystemDescriptor }) {
  const { t } = useTranslation();
  const renderMsg = useMsg();
  const { fixCredentials } = useActions();
  return (
    <Alert severity="error" data-testid="error-alert" data-code={error.code} sx={{ mb: 2 }}>
      <AlertTitle>{t('handoff.validationTitle')}</AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {(error.fieldErrors ?? []).map((fieldError) => {
          const field = descriptor.fields.find((f) => f.id === fieldError.field);
          return (
            <li key={`${fieldError.field}-${fieldError.message.key}`} data-testid={`handoff-field-error-${fieldError.field}`}>
              <Typography variant="body2" component="span">
                {field ? `${renderMsg(field.label)}: ` : ''}
                {renderMsg(fieldError.message)}
              </Typography>{' '}
              {field && (
                <Link component="button" type="button" variant="body2" onClick={() => fixCredentials(field.id)} data-testid={`handoff-edit-${field.id}`} sx={{ verticalAlign: 'baseline' }}>
                  {t('handoff.editField', { field: renderMsg(field.label) })}
                </Link>
              )}
            </li>
          );
        })}
      </Box>
      <Typography variant="caption" component="p" sx={{ mt: 0.5, fontFamily: 'monospace' }}>
        {t('errors.code', { code: error.code })}
      </Typography>
      <Button variant="outlined" color="inherit" onClick={() => fixCredentials()} data-testid="handoff-fix-credentials" sx={{ mt: 1 }}>
        {t('handoff.fixCredentials')}
      </Button>
    </Alert>
  );
}
