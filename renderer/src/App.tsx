import { useEffect } from 'react';
import Box from '@mui/material/Box';
import Container from '@mui/material/Container';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { AppHeader } from './components/AppHeader';
import { BootScreen } from './components/BootScreen';
import { SecretBackendNotice } from './components/SecretBackendNotice';
import { StartupNotices } from './components/StartupNotices';
import { panelId, tabId } from './components/shell/NavTabs';
import { SignInNotice } from './components/shell/SignInNotice';
import { Toasts } from './components/Toasts';
import { DataSourcesPage } from './datasources/DataSourcesPage';
import { DiagnosePage } from './diagnose/DiagnosePage';
import { Wizard } from './Wizard';
import { assertNever, useActions, useAppStore, type View } from './store';
import { theme } from './theme';

/** Only the shown page is mounted: each page's effects (polling, focus) belong to it being on screen. */
function Page({ view }: { view: View }) {
  switch (view) {
    case 'wizard':
      return <Wizard />;
    case 'dataSources':
      return <DataSourcesPage />;
    case 'diagnose':
      return <DiagnosePage />;
    default:
      return assertNever(view);
  }
}

export function App() {
  const { load } = useActions();
  const boot = useAppStore((state) => state.boot);
  const view = useAppStore((state) => state.view);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <AppHeader />
      <Box component="main" sx={{ py: 3 }}>
        <Container maxWidth="lg">
          {boot.phase === 'ready' ? (
            <>
              <StartupNotices />
              <SecretBackendNotice secretBackend={boot.appInfo.secretBackend} />
              <SignInNotice />
              <Box role="tabpanel" id={panelId(view)} aria-labelledby={tabId(view)}>
                <Page view={view} />
              </Box>
            </>
          ) : (
            <BootScreen boot={boot} onRetry={() => void load()} />
          )}
        </Container>
      </Box>
      <Toasts />
    </ThemeProvider>
  );
}
