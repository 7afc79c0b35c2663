import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { DataSourceCard } from '../../../preload/contract';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useActions, type CardDialog } from '../store';
import { connectedIds } from '../store/selectors';
import { CompanyChecklist } from './CompanyChecklist';

/** Every company the credential reaches; the connected ones are ticked and locked, the rest can be added. */
export function AddCompaniesDialog({ card, dialog }: { card: DataSourceCard; dialog: Extract<CardDialog, { kind: 'add' }> }) {
  const { t } = useTranslation();
  const { toggleDialogCompany, confirmCardDialog, closeCardDialog } = useActions();
  const connected = connectedIds(card, dialog.available);
  const inactive = new Set((dialog.available ?? []).filter((company) => !company.active).map((company) => company.id));
  const adding = dialog.selected.filter((id) => !connected.has(id)).length;
  const loading = dialog.available === null && dialog.error === null;
  return (
    <ConfirmDialog
      open
      id="add-companies"
      title={t('dataSources.dialogs.add.title', { name: card.displayName })}
      confirmLabel={t('dataSources.dialogs.add.confirm', { count: adding })}
      busy={dialog.busy && !loading}
      disabled={adding === 0 || loading}
      error={dialog.error}
      onConfirm={() => void confirmCardDialog()}
      onCancel={closeCardDialog}
    >
      <Typography>{t('dataSources.dialogs.add.body')}</Typography>
      {loading && (
        <Box role="status" sx={{ display: 'flex', alignItems: 'center', gap: 1.5, mt: 2 }}>
          <CircularProgress size={20} aria-hidden />
          <Typography>{t('dataSources.dialogs.add.loading')}</Typography>
        </Box>
      )}
      {dialog.available && (
        <CompanyChecklist
          companies={dialog.available}
          checked={dialog.selected}
          locked={connected}
          lockedNote={t('dataSources.dialogs.add.connected')}
          noteOf={(company) => (inactive.has(company.id) ? t('dataSources.dialogs.add.inactive') : undefined)}
          testIdPrefix="add-company-"
          onToggle={toggleDialogCompany}
          disabled={dialog.busy}
        />
      )}
      {dialog.available && adding === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {t('dataSources.dialogs.add.nothing')}
        </Typography>
      )}
    </ConfirmDialog>
  );
}
