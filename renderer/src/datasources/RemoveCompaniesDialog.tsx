import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { DataSourceCard } from '../../../preload/contract';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useActions, type CardDialog } from '../store';
import { CompanyChecklist } from './CompanyChecklist';

/**
 * Tick the companies to remove, then confirm. Ticking all of them says plainly that this deletes the
 * credential, and the button says so too.
 */
export function RemoveCompaniesDialog({ card, dialog }: { card: DataSourceCard; dialog: Extract<CardDialog, { kind: 'remove' }> }) {
  const { t } = useTranslation();
  const { toggleDialogCompany, confirmCardDialog, closeCardDialog } = useActions();
  const count = dialog.selected.length;
  const all = count > 0 && card.companies.every((company) => dialog.selected.includes(company.id));
  return (
    <ConfirmDialog
      open
      id="remove-companies"
      title={t('dataSources.dialogs.remove.title', { name: card.displayName })}
      confirmLabel={all ? t('dataSources.dialogs.remove.confirmAll') : t('dataSources.dialogs.remove.confirm', { count })}
      destructive
      busy={dialog.busy}
      disabled={count === 0}
      error={dialog.error}
      onConfirm={() => void confirmCardDialog()}
      onCancel={closeCardDialog}
    >
      <Typography>{t('dataSources.dialogs.remove.body')}</Typography>
      <CompanyChecklist companies={card.companies} checked={dialog.selected} testIdPrefix="remove-company-" onToggle={toggleDialogCompany} disabled={dialog.busy} />
      {all ? (
        <Alert severity="warning" sx={{ mt: 2 }} data-testid="remove-deletes-credential">
          {t('dataSources.dialogs.remove.allWarning', { name: card.displayName })}
        </Alert>
      ) : (
        count === 0 && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {t('dataSources.dialogs.remove.nothing')}
          </Typography>
        )
      )}
    </ConfirmDialog>
  );
}
