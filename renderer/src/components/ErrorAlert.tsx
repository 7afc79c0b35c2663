import type { ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { meaningOf } from '../errors';
import type { UiError } from '../store';
import { useMsg } from './useMsg';

interface ErrorAlertProps {
  error: UiError;
  /** Overrides the title chosen from the error code. */
  title?: string;
  onRetry?: () => void;
  /** Extra content under the message, e.g. a button back to the step that can fix it. */
  children?: ReactNode;
}

/** A failed call as people read it: what went wrong, the message, the stable code, and field problems. */
export function ErrorAlert({ error, title, onRetry, children }: ErrorAlertProps) {
  const { t } = useTranslation();
  const renderMsg = useMsg();
  const codeTitle = meaningOf(error.code).title ? t(`errors.codes.${error.code}`) : '';
  return (
    <Alert
      severity="error"
      data-testid="error-alert"
      sx={{ mb: 2 }}
      action={onRetry && <Button color="inherit" size="small" onClick={onRetry}>{t('common:retry')}</Button>}
    >
      <AlertTitle>{title ?? (codeTitle || t('errors.title'))}</AlertTitle>
      <Typography variant="body2">{error.message}</Typography>
      {error.fieldErrors && error.fieldErrors.length > 0 && (
        <ul style={{ margin: '8px 0 0', paddingLeft: 20 }}>
          {error.fieldErrors.map((fieldError) => (
            <li key={`${fieldError.field}-${fieldError.message.key}`}>
              <Typography variant="body2">{renderMsg(fieldError.message)}</Typography>
            </li>
          ))}
        </ul>
      )}
      <Typography variant="caption" component="p" sx={{ mt: 0.5, fontFamily: 'monospace' }}>
        {t('errors.code', { code: error.code })}
      </Typography>
      {children}
    </Alert>
  );
}
