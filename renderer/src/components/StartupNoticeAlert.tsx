import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import IconButton from '@mui/material/IconButton';
import CloseIcon from '@mui/icons-material/Close';
import { useTranslation } from 'react-i18next';
import type { StartupNotice } from '../../../preload/contract';
import { assertNever } from '../store/api';

/** The lines of one notice: what happened, what was kept, and what to do. */
export function noticeText(notice: StartupNotice, t: (key: string, options?: Record<string, unknown>) => string): { title: string; lines: string[] } {
  switch (notice.code) {
    case 'E_CONFIG_CORRUPT':
      return {
        title: t('notices.config.title'),
        lines: [
          notice.keptAt ? t('notices.config.keptAt', { path: notice.keptAt }) : t('notices.config.inMemory', { path: notice.file }),
          ...notice.kept.map((group) => t(`notices.config.kept.${group}`)),
          ...notice.reset.map((group) => t(`notices.config.reset.${group}`)),
        ],
      };
    case 'E_DRAFT_CORRUPT':
      return {
        title: t('notices.draft.title'),
        lines: [t('notices.draft.body', { path: notice.keptAt }), t(`notices.draft.secrets.${notice.secrets}`, { draftId: notice.draftId ?? '' })],
      };
    case 'E_LOG_UNAVAILABLE':
      return { title: t('notices.log.title'), lines: [t(`notices.log.${notice.problem}`, { path: notice.path })] };
    default:
      return assertNever(notice);
  }
}

/** One alert per notice main reported at start (a damaged file set aside, no log file), each dismissable. */
export function StartupNoticeAlert({ notice, onDismiss }: { notice: StartupNotice; onDismiss: (id: string) => void }) {
  const { t } = useTranslation();
  const { title, lines } = noticeText(notice, t);
  return (
    <Alert
      severity="warning"
      sx={{ mb: 2 }}
      data-testid={`notice-${notice.code}`}
      action={
        <IconButton color="inherit" size="small" onClick={() => onDismiss(notice.id)} aria-label={t('notices.dismiss')} data-testid="notice-dismiss">
          <CloseIcon fontSize="small" aria-hidden />
        </IconButton>
      }
    >
      <AlertTitle>{title}</AlertTitle>
      {lines.map((line) => (
        <div key={line}>{line}</div>
      ))}
    </Alert>
  );
}
