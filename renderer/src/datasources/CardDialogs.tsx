import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { assertNever, useActions, useAppStore, type CardDialog } from '../store';
import { cardById } from '../store/selectors';
import { AddCompaniesDialog } from './AddCompaniesDialog';
import { RemoveCompaniesDialog } from './RemoveCompaniesDialog';

function DeleteDialog({ dialog }: { dialog: Extract<CardDialog, { kind: 'delete' }> }) {
  const { t } = useTranslation();
  const card = useAppStore((state) => cardById(state, dialog.cardId));
  const { confirmCardDialog, closeCardDialog } = useActions();
  if (!card) return null;
  return (
    <ConfirmDialog
      open
      id="delete-credential"
      title={t('dataSources.dialogs.delete.title', { name: card.displayName })}
      confirmLabel={t('dataSources.dialogs.delete.confirm')}
      destructive
      busy={dialog.busy}
      error={dialog.error}
      onConfirm={() => void confirmCardDialog()}
      onCancel={closeCardDialog}
    >
      <Typography>{t('dataSources.dialogs.delete.body', { count: card.companies.length })}</Typography>
    </ConfirmDialog>
  );
}

function ReplaceDraftDialog({ dialog }: { dialog: Extract<CardDialog, { kind: 'replaceDraft' }> }) {
  const { t } = useTranslation();
  const system = useAppStore((state) => state.wizard.session?.descriptor.name ?? '');
  const { confirmCardDialog, closeCardDialog } = useActions();
  return (
    <ConfirmDialog
      open
      id="replace-draft"
      title={t('dataSources.dialogs.replace.title')}
      confirmLabel={t('dataSources.dialogs.replace.confirm')}
      destructive
      busy={dialog.busy}
      error={dialog.error}
      onConfirm={() => void confirmCardDialog()}
      onCancel={closeCardDialog}
    >
      <Typography>{t('dataSources.dialogs.replace.body', { system })}</Typography>
    </ConfirmDialog>
  );
}

/** The one dialog of the Data sources page, if one is open. */
export function CardDialogs() {
  const dialog = useAppStore((state) => state.dataSources.dialog);
  const card = useAppStore((state) => (dialog && 'cardId' in dialog ? cardById(state, dialog.cardId) : undefined));
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'add':
      return card ? <AddCompaniesDialog card={card} dialog={dialog} /> : null;
    case 'remove':
      return card ? <RemoveCompaniesDialog card={card} dialog={dialog} /> : null;
    case 'delete':
      return <DeleteDialog dialog={dialog} />;
    case 'replaceDraft':
      return <ReplaceDraftDialog dialog={dialog} />;
    default:
      return assertNever(dialog);
  }
}
