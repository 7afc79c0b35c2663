import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { SystemDescriptor } from '../../../../preload/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SignInPanel } from '../../components/signin/SignInPanel';
import { meaningOf } from '../../errors';
import { assertNever, useActions, useAppStore, type UiError } from '../../store';
import { FieldProblems } from './FieldProblems';
import { handoffProblem } from './handoffProblem';

interface HandoffErrorProps {
  error: UiError;
  descriptor: SystemDescriptor;
}

/** A failed hand-off, by kind: sign in again, already connected, values to fix, Exopen unreachable, or other. */
export function HandoffError({ error, descriptor }: HandoffErrorProps) {
  const { t } = useTranslation();
  const signedIn = useAppStore((state) => state.auth.phase === 'signedIn');
  const { showView } = useActions();
  const problem = handoffProblem(error);
  switch (problem) {
    case 'session':
      // Once signed in again, "Hand off again" below finishes it.
      return signedIn ? null : <SignInPanel reason="handoff" />;
    case 'exists':
      return (
        <Alert severity={meaningOf(error.code).severity} data-testid="error-alert" data-code={error.code} sx={{ mb: 2 }}>
          <AlertTitle>{t('handoff.exists')}</AlertTitle>
          <Typography variant="body2">{t('handoff.existsBody')}</Typography>
          <Button variant="outlined" color="inherit" onClick={() => showView('dataSources')} data-testid="handoff-exists" sx={{ mt: 1 }}>
            {t('handoff.openExisting')}
          </Button>
        </Alert>
      );
    case 'validation':
      return <FieldProblems error={error} descriptor={descriptor} />;
    case 'unreachable':
      return (
        <Alert severity={meaningOf(error.code).severity} data-testid="error-alert" data-code={error.code} sx={{ mb: 2 }}>
          <AlertTitle>{t('handoff.unreachable')}</AlertTitle>
          <Typography variant="body2">{error.message}</Typography>
          <Typography variant="body2">{t('handoff.unreachableBody')}</Typography>
          <Typography variant="caption" component="p" sx={{ mt: 0.5, fontFamily: 'monospace' }}>
            {t('errors.code', { code: error.code })}
          </Typography>
        </Alert>
      );
    case 'other':
      return <ErrorAlert error={error} title={t('handoff.failed')} />;
    default:
      return assertNever(problem);
  }
}
