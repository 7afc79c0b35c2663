import { useEffect, useRef } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import ChecklistIcon from '@mui/icons-material/Checklist';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import PreviewIcon from '@mui/icons-material/Preview';
import { useTranslation } from 'react-i18next';
import { PageSection } from '../components/PageSection';
import type { SystemDescriptor } from '../../../preload/contract';
import { ErrorAlert } from '../components/ErrorAlert';
import { SignInPanel } from '../components/signin/SignInPanel';
import { useFocusAfterSignIn } from '../components/signin/useFocusAfterSignIn';
import { RunProgress } from '../steps/test/RunProgress';
import { useActions, useAppStore } from '../store';
import { isSessionEnded } from '../store/api';
import { diagnoseDescriptor } from '../store/diagnoseActions';
import { BundleDialog } from './BundleDialog';
import { Catalogue } from './Catalogue';
import { DiagnoseForm } from './DiagnoseForm';
import { DiagnosisView } from './DiagnosisView';
import { downloadFile } from './download';

/** Downloads the vendor admin's checklist in one form (HTML everywhere, PDF where the host can print). */
function ChecklistButton({ form }: { form: 'html' | 'pdf' }) {
  const { t } = useTranslation();
  const slot = form === 'pdf' ? 'taskPackPdf' : 'taskPack';
  const busy = useAppStore((state) => state.diagnose[slot].busy);
  const running = useAppStore((state) => state.diagnose.running);
  const actions = useActions();
  const download = form === 'pdf' ? actions.downloadTaskPackPdf : actions.downloadTaskPack;
  const Icon = form === 'pdf' ? PictureAsPdfIcon : ChecklistIcon;
  return (
    <Button
      variant="outlined"
      startIcon={busy ? <CircularProgress size={16} aria-hidden /> : <Icon aria-hidden />}
      onClick={() => {
        void download().then((file) => file && downloadFile(file));
      }}
      disabled={busy || running}
      data-testid={form === 'pdf' ? 'diagnose-taskpack-pdf' : 'diagnose-taskpack'}
    >
      {t(form === 'pdf' ? 'diagnose.share.taskPackPdf' : 'diagnose.share.taskPack')}
    </Button>
  );
}

/** Preview the support bundle of the run; download the vendor admin's checklist (with the run's fixes). */
function ShareActions({ descriptor }: { descriptor: SystemDescriptor }) {
  const { t } = useTranslation();
  const result = useAppStore((state) => state.diagnose.result);
  const taskPackError = useAppStore((state) => state.diagnose.taskPack.error);
  const taskPackPdfError = useAppStore((state) => state.diagnose.taskPackPdf.error);
  const canPrintPdf = useAppStore((state) => state.boot.phase === 'ready' && state.boot.appInfo.canPrintPdf);
  const running = useAppStore((state) => state.diagnose.running);
  const { openBundlePreview } = useActions();
  return (
    <Box component="section" aria-labelledby="diagnose-share-heading" sx={{ mt: 4 }}>
      <Typography id="diagnose-share-heading" component="h2" variant="h2" sx={{ fontSize: '1.25rem', mb: 1 }}>
        {t('diagnose.share.heading')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('diagnose.share.taskPackHelp', { system: descriptor.name })}
      </Typography>
      {taskPackError && <ErrorAlert error={taskPackError} title={t('diagnose.share.taskPackFailed')} />}
      {canPrintPdf && taskPackPdfError && <ErrorAlert error={taskPackPdfError} title={t('diagnose.share.taskPackPdfFailed')} />}
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        {result && (
          <Button variant="outlined" startIcon={<PreviewIcon aria-hidden />} onClick={() => void openBundlePreview()} disabled={running} data-testid="diagnose-bundle-preview">
            {t('diagnose.share.bundlePreview')}
          </Button>
        )}
        <ChecklistButton form="html" />
        {canPrintPdf && <ChecklistButton form="pdf" />}
      </Box>
    </Box>
  );
}

/**
 * Diagnose, for support agents: run every check on a credential (the setup in progress or one typed here),
 * show the vendor's words beside our explanation and fix, the known problems and the request timeline, and
 * share a redacted support bundle or the vendor admin's checklist. The catalogue of known problems is below.
 */
export function DiagnosePage() {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const state = useAppStore((s) => s.diagnose);
  const descriptor = useAppStore(diagnoseDescriptor);
  const signedOut = useAppStore((s) => s.auth.phase === 'signedOut');
  const { loadDiagnose } = useActions();

  // Like every page, it starts at its heading (keyboard and screen-reader users land at the top).
  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    void loadDiagnose();
  }, [loadDiagnose]);
  useFocusAfterSignIn(headingRef);

  const needsSignIn = state.error !== null && isSessionEnded(state.error) && signedOut;

  return (
    <PageSection id="diagnose" headingRef={headingRef} title={t('diagnose.title')} intro={t('diagnose.intro')} introGap={3}>

      <DiagnoseForm descriptor={descriptor} />

      {needsSignIn && descriptor && <SignInPanel reason="broker" system={descriptor.name} />}
      {state.error && !needsSignIn && <ErrorAlert error={state.error} />}
      {state.run && descriptor && (state.running || !state.result) && state.run.operationId && (
        <Box id="diagnose-progress" data-testid="diagnose-progress">
          <RunProgress run={state.run} specs={descriptor.checks} />
        </Box>
      )}

      {state.result && <DiagnosisView diagnosis={state.result.diagnosis} />}
      {descriptor && <ShareActions descriptor={descriptor} />}
      {state.result && state.bundle && <BundleDialog diagnosis={state.result.diagnosis} />}

      <Catalogue />
    </PageSection>
  );
}
