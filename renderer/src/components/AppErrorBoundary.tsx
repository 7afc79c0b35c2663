import { Component, useEffect, useRef, type ErrorInfo, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Container from '@mui/material/Container';
import CssBaseline from '@mui/material/CssBaseline';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { ThemeProvider } from '@mui/material/styles';
import { useTranslation } from 'react-i18next';
import type { ReportError } from '../store/errorReport';
import { theme } from '../theme';

export type RecoverMode = 'retry' | 'startOver';

interface CrashFallbackProps {
  readonly busy: boolean;
  readonly onRecover: (mode: RecoverMode) => void;
}

/**
 * What shows instead of a blank window when rendering crashed: what happened, that the saved setup is kept,
 * and two ways back. Self-contained (its own theme, no store), since the app around it is what failed; the
 * heading takes focus so screen readers and keyboard users start here.
 */
export function CrashFallback({ busy, onRecover }: CrashFallbackProps) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <Container component="main" maxWidth="md" sx={{ py: 6 }}>
        <Alert severity="error" data-testid="crash-fallback" aria-labelledby="crash-heading" sx={{ '& .MuiAlert-message': { overflow: 'visible' } }}>
          <Typography
            id="crash-heading"
            ref={headingRef}
            component="h1"
            variant="h6"
            tabIndex={-1}
            sx={{ mb: 1, '&:focus': { outline: 'none' }, '&:focus-visible': { outline: '3px solid #f59e0b', outlineOffset: 2 } }}
          >
            {t('crash.title')}
          </Typography>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {t('crash.body')}
          </Typography>
          <Typography variant="body2">{t('crash.kept')}</Typography>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ mt: 2 }}>
            <Button variant="contained" color="primary" disabled={busy} onClick={() => onRecover('retry')} data-testid="crash-retry" aria-describedby="crash-retry-hint">
              {t('crash.retry')}
            </Button>
            <Button variant="outlined" color="primary" disabled={busy} onClick={() => onRecover('startOver')} data-testid="crash-start-over" aria-describedby="crash-start-over-hint">
              {t('crash.startOver')}
            </Button>
          </Stack>
          <Box component="ul" sx={{ mt: 2, mb: 0, pl: 2.5 }}>
            <Typography component="li" variant="body2" id="crash-retry-hint">
              {t('crash.retryHint')}
            </Typography>
            <Typography component="li" variant="body2" id="crash-start-over-hint">
              {t('crash.startOverHint')}
            </Typography>
          </Box>
        </Alert>
      </Container>
    </ThemeProvider>
  );
}

interface AppErrorBoundaryProps {
  /** Where the crash goes: the store's one reporting function. */
  readonly report: ReportError;
  /** Readies the app to mount again (the store's recoverFromCrash); the boundary then re-mounts its children. */
  readonly recover: (mode: RecoverMode) => Promise<void>;
  readonly children: ReactNode;
}

export interface AppErrorBoundaryState {
  readonly failed: boolean;
  readonly busy: boolean;
}

/**
 * The error boundary around the whole app: a render crash shows CrashFallback (never a blank window) and is
 * reported once, with React's component stack, to main's log. React's root `onCaughtError` leaves errors
 * caught here to this boundary (see main.tsx), so each crash is one log line.
 */
export class AppErrorBoundary extends Component<AppErrorBoundaryProps, AppErrorBoundaryState> {
  override state: AppErrorBoundaryState = { failed: false, busy: false };

  static getDerivedStateFromError(): AppErrorBoundaryState {
    return { failed: true, busy: false };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    this.props.report('boundary', error, info.componentStack);
  }

  /** Try again / Start over: let the store get ready, then mount the app anew (even if getting ready failed). */
  readonly recover = (mode: RecoverMode): void => {
    if (this.state.busy) return;
    this.setState({ busy: true });
    void Promise.resolve()
      .then(() => this.props.recover(mode))
      .catch((error: unknown) => this.props.report('boundary', error))
      .finally(() => this.setState({ failed: false, busy: false }));
  };

  override render(): ReactNode {
    if (this.state.failed) return <CrashFallback busy={this.state.busy} onRecover={this.recover} />;
    return this.props.children;
  }
}
