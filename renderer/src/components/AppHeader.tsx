import AppBar from '@mui/material/AppBar';
import Chip from '@mui/material/Chip';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import ScienceIcon from '@mui/icons-material/Science';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store';

export function AppHeader() {
  const { t } = useTranslation();
  const boot = useAppStore((state) => state.boot);
  const appInfo = boot.phase === 'ready' ? boot.appInfo : null;

  return (
    <AppBar position="static" elevation={0} component="header">
      <Toolbar sx={{ gap: 2 }}>
        <Typography component="div" variant="h6" sx={{ fontWeight: 700, flexGrow: 1 }}>
          {t('appName')}
        </Typography>
        {appInfo?.sandbox && (
          <Chip
            data-testid="sandbox-badge"
            icon={<ScienceIcon aria-hidden />}
            label={t('header.sandbox')}
            color="warning"
            sx={{ fontWeight: 600 }}
          />
        )}
        {appInfo && (
          <Typography variant="body2" sx={{ opacity: 0.9 }}>
            {t('header.version', { version: appInfo.version })}
          </Typography>
        )}
      </Toolbar>
    </AppBar>
  );
}
