import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { Company } from '../../../../preload/contract';
import { useMsg } from '../../components/useMsg';

interface CompanyItemProps {
  company: Company;
  selected: boolean;
  /** False for an inactive company of a one-company system (shown, but it cannot be picked). */
  pickable: boolean;
  onToggle: () => void;
}

/**
 * One company with its checkbox. A note (e.g. "the Exopen integration is not enabled for this company")
 * shows under the name and describes the checkbox; it never stops the company from being picked.
 */
export function CompanyItem({ company, selected, pickable, onToggle }: CompanyItemProps) {
  const { t } = useTranslation();
  const renderMsg = useMsg();
  const noteId = `company-${company.id}-note`;
  const notes = [company.note ? renderMsg(company.note) : null, company.active ? null : t(pickable ? 'companies.inactiveSelectable' : 'companies.inactive')].filter(
    (note): note is string => note !== null,
  );
  return (
    <ListItem sx={{ px: 0, py: 0.5, display: 'block', color: company.active ? 'text.primary' : 'text.secondary' }} data-active={company.active}>
      <FormControlLabel
        control={
          <Checkbox
            checked={selected}
            onChange={onToggle}
            disabled={!pickable}
            slotProps={{ input: { 'data-testid': `company-${company.id}`, 'aria-describedby': notes.length > 0 ? noteId : undefined } }}
          />
        }
        label={
          <Box component="span">
            <Typography component="span" sx={{ fontWeight: 600 }}>
              {company.name}
            </Typography>
            {company.businessId && (
              <Typography component="span" variant="body2" sx={{ ml: 1 }}>
                {t('companies.businessId', { id: company.businessId })}
              </Typography>
            )}
          </Box>
        }
      />
      {notes.length > 0 && (
        <Typography id={noteId} data-testid={`company-note-${company.id}`} variant="body2" sx={{ ml: 4, fontStyle: 'italic' }}>
          {notes.join(' ')}
        </Typography>
      )}
    </ListItem>
  );
}
