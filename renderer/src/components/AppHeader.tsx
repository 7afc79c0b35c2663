import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store';
import { SettingsButton } from './settings/SettingsButton';
import { EnvBadge } from './shell/EnvBadge';
import { NavTabs } from './shell/NavTabs';
import { SessionControl } from './shell/SessionControl';

/** The app bar: name, the Exopen environment in force, the session, settings, and the two pages. */
export function AppHeader() {
  const { t } = useTranslation();
  const appInfo = useAppStore((state) => (state.boot.phase === 'ready' ? state.boot.appInfo : null));

  return (
    <AppBar position="static" elevation={0} component="header">
      <Toolbar sx={{ gap: 2, flexWrap: 'wrap', py: { xs: 1, sm: 0 } }}>
        <Typography component="div" variant="h6" sx={{ fontWeight: 700 }}>
          {t('appName')}
        </Typography>
        <EnvBadge />
        <Box sx={{ flexGrow: 1 }} />
        {appInfo && (
          <>
            <SessionControl />
            <SettingsButton />
            <Typography variant="body2" sx={{ opacity: 0.9 }}>
              {t('header.version', { version: appInfo.version })}
            </Typography>
          </>
        )}
      </Toolbar>
      {appInfo && <NavTabs />}
    </AppBar>
  );
}
