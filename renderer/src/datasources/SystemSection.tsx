import Box from '@mui/material/Box';
import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { DataSourceCard, SystemId } from '../../../preload/contract';
import { DataSourceCardView } from './DataSourceCardView';
import { NewCredentialCard } from './NewCredentialCard';

interface SystemSectionProps {
  system: SystemId;
  name: string;
  cards: ReadonlyArray<DataSourceCard>;
}

/** One system's credentials, one card each, and the plus-card for another. */
export function SystemSection({ system, name, cards }: SystemSectionProps) {
  const { t } = useTranslation();
  const headingId = `system-${system}-heading`;
  return (
    <Box component="section" aria-labelledby={headingId} data-testid={`datasources-system-${system}`} sx={{ mt: 4 }}>
      <Typography id={headingId} component="h2" variant="h2" sx={{ mb: 2 }}>
        {name}
      </Typography>
      <Grid container spacing={2} role="list" aria-label={t('dataSources.cardsLabel', { system: name })}>
        {cards.map((card) => (
          <Grid key={card.id} size={{ xs: 12, md: 6 }} role="listitem">
            <DataSourceCardView card={card} />
          </Grid>
        ))}
        <Grid size={{ xs: 12, md: 6 }} role="listitem">
          <NewCredentialCard system={system} name={name} />
        </Grid>
      </Grid>
    </Box>
  );
}
