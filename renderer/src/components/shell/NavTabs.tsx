import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useTranslation } from 'react-i18next';
import { useActions, useAppStore, type View } from '../../store';

export const tabId = (view: View): string => `nav-tab-${view}`;
export const panelId = (view: View): string => `nav-panel-${view}`;

/** The three pages: the setup wizard, the connected data sources and Diagnose (support). Light text on the app bar, 4.5:1 or more. */
export function NavTabs() {
  const { t } = useTranslation();
  const view = useAppStore((state) => state.view);
  const { showView } = useActions();
  return (
    <Tabs
      value={view}
      onChange={(_event, next: View) => showView(next)}
      aria-label={t('nav.label')}
      textColor="inherit"
      sx={{
        px: { xs: 1, sm: 2 },
        '& .MuiTab-root': { color: 'rgba(255,255,255,0.88)', opacity: 1, minHeight: 44 },
        '& .MuiTab-root.Mui-selected': { color: '#ffffff' },
        '& .MuiTabs-indicator': { backgroundColor: '#ffffff', height: 3 },
      }}
    >
      <Tab value="wizard" label={t('nav.wizard')} id={tabId('wizard')} aria-controls={panelId('wizard')} data-testid="nav-wizard" />
      <Tab value="dataSources" label={t('nav.dataSources')} id={tabId('dataSources')} aria-controls={panelId('dataSources')} data-testid="nav-datasources" />
      <Tab value="diagnose" label={t('nav.diagnose')} id={tabId('diagnose')} aria-controls={panelId('diagnose')} data-testid="nav-diagnose" />
    </Tabs>
  );
}
