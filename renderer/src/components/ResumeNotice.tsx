import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import CloseIcon from '@mui/icons-material/Close';
import { useTranslation } from 'react-i18next';
import { useActions, useAppStore } from '../store';

/** "Resumed your unfinished setup", with a Discard that asks first. */
export function ResumeNotice() {
  const { t } = useTranslation();
  const resumed = useAppStore((state) => state.resumed);
  const { discardDraft, dismissResumed } = useActions();
  const [confirming, setConfirming] = useState(false);
  if (!resumed) return null;

  const confirm = (): void => {
    setConfirming(false);
    void discardDraft();
  };

  return (
    <>
      <Alert
        severity="info"
        sx={{ mb: 2 }}
        data-testid="resume-notice"
        action={
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Button color="inherit" size="small" onClick={() => setConfirming(true)} data-testid="resume-discard">
              {t('resume.discard')}
            </Button>
            <IconButton color="inherit" size="small" onClick={dismissResumed} aria-label={t('common:close')}>
              <CloseIcon fontSize="small" aria-hidden />
            </IconButton>
          </Stack>
        }
      >
        {t('resume.notice')}
      </Alert>
      <Dialog open={confirming} onClose={() => setConfirming(false)} aria-labelledby="discard-title" aria-describedby="discard-body">
        <DialogTitle id="discard-title">{t('resume.confirmTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText id="discard-body">{t('resume.confirmBody')}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)} autoFocus>
            {t('common:cancel')}
          </Button>
          <Button color="error" variant="contained" onClick={confirm} data-testid="resume-discard-confirm">
            {t('resume.confirmDiscard')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
