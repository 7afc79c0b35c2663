import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { Company } from '../../../preload/contract';
import { StepLayout } from '../components/StepLayout';
import { useMsg } from '../components/useMsg';
import { useActions, type CompaniesState } from '../store';

function CompanyItem({ company, selected, onToggle }: { company: Company; selected: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  const renderMsg = useMsg();
  const noteId = `company-${company.id}-note`;
  const note = company.note ? renderMsg(company.note) : !company.active ? t('companies.inactive') : null;
  return (
    <ListItem sx={{ px: 0, py: 0.5, display: 'block', color: company.active ? 'text.primary' : 'text.secondary' }} data-active={company.active}>
      <FormControlLabel
        control={
          <Checkbox
            checked={selected}
            onChange={onToggle}
            disabled={!company.active}
            slotProps={{ input: { 'data-testid': `company-${company.id}`, 'aria-describedby': note ? noteId : undefined } }}
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
      {note && (
        <Typography id={noteId} variant="body2" sx={{ ml: 4, fontStyle: 'italic' }}>
          {note}
        </Typography>
      )}
    </ListItem>
  );
}

/** Companies: which of the credential's companies go to Exopen. Inactive ones are shown but cannot be picked. */
export function CompaniesStep({ state }: { state: CompaniesState }) {
  const { t } = useTranslation();
  const { toggleCompany, selectAllCompanies, continueFromCompanies, back } = useActions();
  const companies = state.session.report?.companies ?? [];
  const selectable = companies.filter((company) => company.active);
  const selected = state.session.selectedCompanies;
  const allSelected = selectable.length > 0 && selectable.every((company) => selected.includes(company.id));

  return (
    <StepLayout
      title={t('companies.title')}
      intro={t('companies.intro', { system: state.session.descriptor.name })}
      error={state.error}
      onBack={back}
      primary={{ label: t('common:next'), onClick: continueFromCompanies, disabled: selected.length === 0, testId: 'next' }}
    >
      {companies.length === 0 ? (
        <Alert severity="info">{t('companies.none')}</Alert>
      ) : (
        <>
          <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', borderBottom: 1, borderColor: 'divider', pb: 1 }}>
            <FormControlLabel
              control={
                <Checkbox
                  checked={allSelected}
                  indeterminate={!allSelected && selected.length > 0}
                  onChange={(event) => selectAllCompanies(event.target.checked)}
                  disabled={selectable.length === 0}
                  slotProps={{ input: { 'data-testid': 'companies-select-all' } }}
                />
              }
              label={t('companies.selectAll')}
            />
            <Typography role="status" variant="body2" data-testid="companies-count">
              {t('companies.count', { count: selected.length, total: selectable.length })}
            </Typography>
          </Box>
          <List aria-label={t('companies.listLabel')} disablePadding>
            {companies.map((company) => (
              <CompanyItem key={company.id} company={company} selected={selected.includes(company.id)} onToggle={() => toggleCompany(company.id)} />
            ))}
          </List>
        </>
      )}
    </StepLayout>
  );
}
