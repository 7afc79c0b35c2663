import Alert from '@mui/material/Alert';
import List from '@mui/material/List';
import { useTranslation } from 'react-i18next';
import { StepLayout } from '../../components/StepLayout';
import { useActions, type CompaniesState } from '../../store';
import { listedCompanies, pickableIds, reachesSeveralCompanies } from '../../store/bulk';
import { CompaniesToolbar } from './CompaniesToolbar';
import { CompanyItem } from './CompanyItem';

/**
 * Companies: which of the credential's companies go to Exopen. Where one credential reaches many (Vitec),
 * inactive companies hide behind Show inactive and can be picked once shown; elsewhere they are shown but
 * cannot be picked. Notes (such as a company without the Exopen integration) never block a pick.
 */
export function CompaniesStep({ state }: { state: CompaniesState }) {
  const { t } = useTranslation();
  const { toggleCompany, selectAllCompanies, showInactiveCompanies, continueFromCompanies, back } = useActions();
  const { session, showInactive } = state;
  const all = session.report?.companies ?? [];
  const several = reachesSeveralCompanies(session);
  const companies = listedCompanies(session, showInactive);
  const pickable = new Set(pickableIds(session, showInactive));
  const selected = session.selectedCompanies.filter((id) => pickable.has(id));
  const inactiveCount = all.filter((company) => !company.active).length;

  return (
    <StepLayout
      title={t('companies.title')}
      intro={t(several ? 'companies.introSeveral' : 'companies.intro', { system: session.descriptor.name })}
      error={state.error}
      onBack={back}
      primary={{ label: t('common:next'), onClick: continueFromCompanies, disabled: selected.length === 0, testId: 'next' }}
    >
      {all.length === 0 ? (
        <Alert severity="info">{t('companies.none')}</Alert>
      ) : (
        <>
          <CompaniesToolbar
            selected={selected.length}
            pickable={pickable.size}
            onSelectAll={selectAllCompanies}
            {...(several ? { inactive: { shown: showInactive, count: inactiveCount, onChange: showInactiveCompanies } } : {})}
          />
          {companies.length === 0 && (
            <Alert severity="info" sx={{ mt: 2 }}>
              {t('companies.allInactive', { count: inactiveCount })}
            </Alert>
          )}
          <List aria-label={t('companies.listLabel')} disablePadding data-testid="companies-list">
            {companies.map((company) => (
              <CompanyItem
                key={company.id}
                company={company}
                selected={selected.includes(company.id)}
                pickable={pickable.has(company.id)}
                onToggle={() => toggleCompany(company.id)}
              />
            ))}
          </List>
        </>
      )}
    </StepLayout>
  );
}
