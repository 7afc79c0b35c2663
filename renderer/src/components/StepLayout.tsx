import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { UiError } from '../store';
import { ErrorAlert } from './ErrorAlert';

export interface PrimaryAction {
  label: string;
  onClick: () => void;
  disabled?: boolean;
  busy?: boolean;
  testId: string;
}

interface StepLayoutProps {
  title: string;
  intro?: ReactNode;
  error?: UiError | null;
  onRetry?: () => void;
  onBack?: () => void;
  backDisabled?: boolean;
  /** The step's main button; Enter in a text input activates it (the step is a form). */
  primary?: PrimaryAction;
  /** Further buttons beside the primary one. */
  actions?: ReactNode;
  children: ReactNode;
}

/**
 * The frame of every step: a heading that takes focus when the step opens (so screen readers and keyboard
 * users start at the top), the step's error, its content, and Back / primary buttons.
 */
export function StepLayout({ title, intro, error, onRetry, onBack, backDisabled, primary, actions, children }: StepLayoutProps) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (primary && !primary.disabled && !primary.busy) primary.onClick();
  };

  return (
    <Paper component="form" noValidate onSubmit={submit} variant="outlined" sx={{ p: { xs: 2, md: 4 } }} aria-labelledby="step-heading">
      <Typography
        id="step-heading"
        ref={headingRef}
        component="h1"
        variant="h1"
        tabIndex={-1}
        data-testid="step-heading"
        sx={{ mb: 1, '&:focus': { outline: 'none' }, '&:focus-visible': { outline: '3px solid #f59e0b', outlineOffset: 4 } }}
      >
        {title}
      </Typography>
      {intro && (
        <Typography component="div" color="text.secondary" sx={{ mb: 3 }}>
          {intro}
        </Typography>
      )}
      {error && <ErrorAlert error={error} onRetry={onRetry} />}
      <Box>{children}</Box>
      <Stack direction="row" spacing={2} sx={{ mt: 4, justifyContent: 'space-between', alignItems: 'center' }}>
        <Box>
          {onBack && (
            <Button variant="text" onClick={onBack} disabled={backDisabled} data-testid="back">
              {t('common:back')}
            </Button>
          )}
        </Box>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          {actions}
          {primary && (
            <Button
              type="submit"
              variant="contained"
              size="large"
              disabled={primary.disabled || primary.busy}
              data-testid={primary.testId}
              startIcon={primary.busy ? <CircularProgress size={18} color="inherit" aria-hidden /> : undefined}
            >
              {primary.label}
            </Button>
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}
