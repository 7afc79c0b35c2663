import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActions from '@mui/material/CardActions';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import RemoveCircleOutlineIcon from '@mui/icons-material/RemoveCircleOutlineOutlined';
import ReplayIcon from '@mui/icons-material/Replay';
import { useTranslation } from 'react-i18next';
import type { DataSourceCard } from '../../../preload/contract';
import { useDateTime } from '../components/useDateTime';
import { RunStatusLabel } from '../steps/RunStatusLabel';
import { useActions, useAppStore } from '../store';
import { canAddCompanies } from '../store/selectors';
import { CardCompanies } from './CardCompanies';
import { CardError } from './CardError';

/** One connected credential: what it is, its companies, its last run, and what can be done with it. */
export function DataSourceCardView({ card }: { card: DataSourceCard }) {
  const { t } = useTranslation();
  const formatDate = useDateTime();
  const { openCardDialog, recreateDataSource } = useActions();
  const addable = useAppStore((state) => canAddCompanies(state, card.system));
  const name = card.displayName;
  const titleId = `card-${card.id}-title`;

  return (
    <Card component="article" variant="outlined" aria-labelledby={titleId} data-testid={`card-${card.id}`} data-status={card.status} sx={{ height: '100%', display: 'flex', flexDirection: 'column' }}>
      <CardContent sx={{ flexGrow: 1 }}>
        <Box sx={{ display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: 1 }}>
          <Typography id={titleId} component="h3" variant="h2" sx={{ wordBreak: 'break-word' }}>
            {name}
          </Typography>
          <RunStatusLabel status={card.status} size="small" />
        </Box>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5, wordBreak: 'break-all' }}>
          {t('dataSources.credentialLabel', { label: card.credentialLabel })}
        </Typography>
        <CardCompanies card={card} />
        <Typography variant="body2" sx={{ mt: 1.5 }}>
          {card.lastSyncAt ? (
            <time dateTime={card.lastSyncAt}>{t('dataSources.lastSync', { at: formatDate(card.lastSyncAt) })}</time>
          ) : (
            t('dataSources.neverSynced')
          )}
        </Typography>
        {card.status === 'failed' && card.error && <CardError cardId={card.id} error={card.error} />}
      </CardContent>
      <CardActions sx={{ flexWrap: 'wrap', gap: 1, px: 2, pb: 2 }}>
        {addable && (
          <Button size="small" startIcon={<AddIcon aria-hidden />} onClick={() => openCardDialog('add', card.id)} aria-label={t('dataSources.actions.addFor', { name })} data-testid={`card-add-${card.id}`}>
            {t('dataSources.actions.add')}
          </Button>
        )}
        <Button
          size="small"
          startIcon={<RemoveCircleOutlineIcon aria-hidden />}
          onClick={() => openCardDialog('remove', card.id)}
          disabled={card.companies.length === 0}
          aria-label={t('dataSources.actions.removeFor', { name })}
          data-testid={`card-remove-${card.id}`}
        >
          {t('dataSources.actions.remove')}
        </Button>
        <Button
          size="small"
          variant={card.status === 'failed' ? 'contained' : 'text'}
          startIcon={<ReplayIcon aria-hidden />}
          onClick={() => void recreateDataSource(card.id)}
          aria-label={t('dataSources.actions.recreateFor', { name })}
          data-testid={`card-recreate-${card.id}`}
        >
          {t('dataSources.actions.recreate')}
        </Button>
        <Button size="small" color="error" startIcon={<DeleteIcon aria-hidden />} onClick={() => openCardDialog('delete', card.id)} aria-label={t('dataSources.actions.deleteFor', { name })} data-testid={`card-delete-${card.id}`}>
          {t('dataSources.actions.delete')}
        </Button>
      </CardActions>
    </Card>
  );
}
