import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';

interface CompaniesToolbarProps {
  /** Ticked among the companies that can be picked now. */
  selected: number;
  pickable: number;
  /** Show the Show inactive box (systems that reach several companies), with its state and count. */
  inactive?: { readonly shown: boolean; readonly count: number; readonly onChange: (show: boolean) => void };
  onSelectAll: (select: boolean) => void;
}

/** Select all, Show inactive and "12 of 40 selected" above the company list. */
export function CompaniesToolbar({ selected, pickable, inactive, onSelectAll }: CompaniesToolbarProps) {
  const { t } = useTranslation();
  const allSelected = pickable > 0 && selected === pickable;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: 1, borderBottom: 1, borderColor: 'divider', pb: 1 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 2 }}>
        <FormControlLabel
          control={
            <Checkbox
              checked={allSelected}
              indeterminate={!allSelected && selected > 0}
              onChange={(event) => onSelectAll(event.target.checked)}
              disabled={pickable === 0}
              slotProps={{ input: { 'data-testid': 'companies-select-all' } }}
            />
          }
          label={t('companies.selectAll')}
        />
        {inactive && (
          <FormControlLabel
            control={
              // A checkbox, as Exopen's own guide says "Tick Show inactive".
              <Checkbox
                checked={inactive.shown}
                onChange={(event) => inactive.onChange(event.target.checked)}
                disabled={inactive.count === 0}
                slotProps={{ input: { 'data-testid': 'companies-show-inactive' } }}
              />
            }
            label={t('companies.showInactive', { count: inactive.count })}
          />
        )}
      </Box>
      <Typography role="status" variant="body2" data-testid="companies-count" data-selected={selected} data-total={pickable}>
        {t('companies.count', { count: selected, total: pickable })}
      </Typography>
    </Box>
  );
}
