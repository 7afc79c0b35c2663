import { useEffect, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useActions, useAppStore } from '../../store';
import { ErrorAlert } from '../ErrorAlert';
import { useMsg } from '../useMsg';
import { EnvironmentFields } from './EnvironmentFields';
import { InForce } from './InForce';
import { formFrom, serverFieldError, toInput, urlProblem, type SettingsForm } from './settingsForm';
import { SignerFields } from './SignerFields';

/** Environment and signers. A change may need a restart; the dialog then stays open and says so. */
export function SettingsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const renderMsg = useMsg();
  const settings = useAppStore((state) => state.settings);
  const save = useAppStore((state) => state.settingsSave);
  const systems = useAppStore((state) => (state.boot.phase === 'ready' ? state.boot.systems : null));
  const { saveSettings, clearSettingsError } = useActions();
  const [edited, setEdited] = useState<SettingsForm | null>(null);
  const [showUrlError, setShowUrlError] = useState(false);

  useEffect(() => clearSettingsError(), [clearSettingsError]);

  const form = edited ?? (settings.phase === 'ready' ? formFrom(settings.value) : null);
  const problem = form ? urlProblem(form) : null;
  const serverUrlError = serverFieldError(save.error?.fieldErrors, 'url');
  const urlError = showUrlError && problem ? t(`settings.errors.${problem}`) : serverUrlError ? renderMsg(serverUrlError.message) : undefined;
  const update = (patch: Partial<SettingsForm>): void => {
    if (form) setEdited({ ...form, ...patch });
    if (save.error) clearSettingsError();
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!form || save.busy) return;
    if (problem) {
      setShowUrlError(true);
      document.getElementById('settings-url')?.focus();
      return;
    }
    const input = toInput(form, (systems ?? []).map((system) => system.id));
    if ((await saveSettings(input)) === 'active') onClose();
  };

  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="settings-title" fullWidth maxWidth="sm">
      <Box component="form" noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle id="settings-title">{t('settings.title')}</DialogTitle>
        <DialogContent>
          <Typography color="text.secondary" sx={{ mb: 2 }}>
            {t('settings.intro')}
          </Typography>
          <InForce />
          {settings.phase === 'ready' && !settings.value.active && (
            <Alert severity="warning" sx={{ mb: 2 }} data-testid="settings-restart">
              {t('settings.restartNotice')}
            </Alert>
          )}
          {save.error && !serverUrlError && <ErrorAlert error={save.error} />}
          {settings.phase === 'loading' && <Typography role="status">{t('settings.loading')}</Typography>}
          {settings.phase === 'failed' && <ErrorAlert error={settings.error} title={t('settings.loadFailed')} />}
          {form && (
            <>
              <EnvironmentFields
                environment={form.environment}
                url={form.url}
                urlError={urlError}
                onEnvironment={(environment) => update({ environment })}
                onUrl={(url) => update({ url })}
                onUrlBlur={() => setShowUrlError(true)}
              />
              <SignerFields signers={form.signers} onChange={(signers) => update({ signers })} />
            </>
          )}
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose}>{t('common:close')}</Button>
          <Button
            type="submit"
            variant="contained"
            disabled={!form || save.busy}
            startIcon={save.busy ? <CircularProgress size={16} color="inherit" aria-hidden /> : undefined}
            data-testid="settings-save"
          >
            {t('settings.save')}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
