import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useActions } from '../../store';

/**
 * "Finish signing in in your browser…" with Cancel. Cancel takes the focus: the Sign in button that had it
 * is gone, and Cancel is the one thing to do here.
 */
export function SignInPending({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { cancelSignIn } = useActions();
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
      <Box role="status" data-testid="signin-pending" sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <CircularProgress size={compact ? 16 : 22} color="inherit" aria-hidden />
        <Typography variant={compact ? 'body2' : 'body1'}>{t('signIn.pending')}</Typography>
      </Box>
      <Button
        size={compact ? 'small' : 'medium'}
        variant="outlined"
        color="inherit"
        onClick={() => void cancelSignIn()}
        autoFocus
        data-testid="signin-cancel"
      >
        {t('common:cancel')}
      </Button>
    </Box>
  );
}
