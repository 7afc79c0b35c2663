import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import SaveAltIcon from '@mui/icons-material/SaveAlt';
import { useTranslation } from 'react-i18next';
import type { Diagnosis } from '../../../preload/contract';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { useActions, useAppStore } from '../store';
import { MONOSPACE } from '../theme';
import { downloadFile } from './download';

/** "Before you share": the exact bundle.json, what was removed, and Save (the verified zip, or nothing). */
export function BundleDialog({ diagnosis }: { diagnosis: Diagnosis }) {
  const { t } = useTranslation();
  const bundle = useAppStore((state) => state.diagnose.bundle);
  const { closeBundlePreview, saveBundle } = useActions();
  if (!bundle) return null;
  const secretFields = diagnosis.environment.credentialFieldsGiven;

  return (
    <Dialog open onClose={closeBundlePreview} aria-labelledby="diagnose-bundle-title" aria-describedby="diagnose-bundle-intro" maxWidth="md" fullWidth data-testid="diagnose-bundle-dialog">
      <DialogTitle id="diagnose-bundle-title">{t('diagnose.bundle.title')}</DialogTitle>
      <DialogContent>
        <Typography id="diagnose-bundle-intro" variant="body2" sx={{ mb: 2 }}>
          {t('diagnose.bundle.intro')}
        </Typography>
        <Typography component="h3" variant="subtitle2">
          {t('diagnose.bundle.redactedHeading')}
        </Typography>
        <Box component="ul" sx={{ mt: 0.5, mb: 2, pl: 3 }} data-testid="diagnose-bundle-redacted">
          <li>
            <Typography variant="body2">{t('diagnose.bundle.redactedValues', { count: diagnosis.redactedValues })}</Typography>
          </li>
          <li>
            <Typography variant="body2">
              {secretFields.length > 0 ? t('diagnose.bundle.secretFields', { fields: secretFields.join(', ') }) : t('diagnose.bundle.noSecretFields')}
            </Typography>
          </li>
          <li>
            <Typography variant="body2">{t('diagnose.bundle.exportRules')}</Typography>
          </li>
        </Box>
        {bundle.error && (
          <ErrorAlert
            error={bundle.error.code === 'E_BUNDLE_SECRET_FOUND' ? { ...bundle.error, message: t('diagnose.bundle.secretFound') } : bundle.error}
            title={bundle.error.code === 'E_BUNDLE_SECRET_FOUND' ? undefined : t('diagnose.bundle.failed')}
          />
        )}
        {bundle.loading && <Loading text={t('diagnose.bundle.loading')} />}
        {bundle.json !== null && (
          <Box
            component="pre"
            tabIndex={0}
            role="region"
            aria-label={t('diagnose.bundle.jsonLabel')}
            data-testid="diagnose-bundle-json"
            sx={{
              m: 0,
              p: 1.5,
              maxHeight: '50vh',
              overflow: 'auto',
              bgcolor: 'grey.100',
              border: 1,
              borderColor: 'divider',
              borderRadius: 1,
              fontFamily: MONOSPACE,
              fontSize: '0.8rem',
              whiteSpace: 'pre',
              '&:focus-visible': { outline: '3px solid #f59e0b', outlineOffset: 2 },
            }}
          >
            {bundle.json}
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={closeBundlePreview} data-testid="diagnose-bundle-close">
          {t('diagnose.bundle.close')}
        </Button>
        <Button
          variant="contained"
          startIcon={bundle.saving ? <CircularProgress size={16} color="inherit" aria-hidden /> : <SaveAltIcon aria-hidden />}
          disabled={bundle.json === null || bundle.saving}
          onClick={() => {
            void saveBundle().then((file) => file && downloadFile(file));
          }}
          data-testid="diagnose-bundle-save"
        >
          {t(bundle.saving ? 'diagnose.bundle.saving' : 'diagnose.bundle.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
