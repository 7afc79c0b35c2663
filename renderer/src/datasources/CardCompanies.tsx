import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { DataSourceCard } from '../../../preload/contract';

const SHOWN = 5;

/** How many companies a credential connects, and which; long lists fold after five. */
export function CardCompanies({ card }: { card: DataSourceCard }) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const { companies } = card;
  const shown = expanded ? companies : companies.slice(0, SHOWN);
  const labelId = `card-${card.id}-companies-label`;
  const listId = `card-${card.id}-companies-list`;
  return (
    <Box data-testid={`card-companies-${card.id}`} data-count={companies.length} sx={{ mt: 1.5 }}>
      <Typography id={labelId} variant="subtitle2" component="p">
        {t('dataSources.companies', { count: companies.length })}
      </Typography>
      {companies.length > 0 && (
        <Box component="ul" id={listId} aria-labelledby={labelId} sx={{ m: 0, pl: 2.5 }}>
          {shown.map((company) => (
            <Typography component="li" variant="body2" key={company.id}>
              {company.name}
            </Typography>
          ))}
        </Box>
      )}
      {companies.length > SHOWN && (
        <Button size="small" onClick={() => setExpanded((open) => !open)} aria-expanded={expanded} aria-controls={listId}>
          {expanded ? t('dataSources.showFewer') : t('dataSources.showAll', { count: companies.length })}
        </Button>
      )}
    </Box>
  );
}
