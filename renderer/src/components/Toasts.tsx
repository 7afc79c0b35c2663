import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Snackbar from '@mui/material/Snackbar';
import { useTranslation } from 'react-i18next';
import { assertNever, useActions, useAppStore, type Toast } from '../store';

function useToastText(): (toast: Toast) => { text: string; severity: 'success' | 'error' | 'info' } {
  const { t } = useTranslation();
  return (toast) => {
    switch (toast) {
      case 'copied':
        return { text: t('common:copied'), severity: 'success' };
      case 'copyFailed':
        return { text: t('common:copyFailed'), severity: 'error' };
      case 'linkRefused':
        return { text: t('common:linkRefused'), severity: 'error' };
      case 'discarded':
        return { text: t('resume.discarded'), severity: 'info' };
      case 'signedOut':
      case 'settingsSaved':
      case 'domainCreated':
      case 'credentialDeleted':
      case 'companiesRemoved':
      case 'companiesAdded':
        return { text: t(`toasts.${toast}`), severity: 'success' };
      case 'settingsSavedRestart':
        return { text: t('toasts.settingsSavedRestart'), severity: 'info' };
      case 'signOutFailed':
        return { text: t('toasts.signOutFailed'), severity: 'error' };
      default:
        return assertNever(toast);
    }
  };
}

/** Short confirmations ("Copied"), announced politely by the Alert inside. */
export function Toasts() {
  const toast = useAppStore((state) => state.toast);
  const { closeToast } = useActions();
  const toText = useToastText();
  // Keep the last toast's text while the Snackbar animates out.
  const [shown, setShown] = useState<Toast>('copied');
  if (toast !== null && toast !== shown) setShown(toast);
  const content = toText(toast ?? shown);
  return (
    <Snackbar open={toast !== null} autoHideDuration={2500} onClose={closeToast} anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}>
      <Alert severity={content.severity} variant="filled" onClose={closeToast} data-testid="toast">
        {content.text}
      </Alert>
    </Snackbar>
  );
}
