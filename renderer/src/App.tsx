import { useEffect } from 'react';
import Box from '@mui/material/Box';
import Container from '@mui/material/Container';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { AppHeader } from './components/AppHeader';
import { BootScreen } from './components/BootScreen';
import { SecretBackendNotice } from './components/SecretBackendNotice';
import { Toasts } from './components/Toasts';
import { Wizard } from './Wizard';
import { useActions, useAppStore } from './store';
import { theme } from './theme';

export function App() {
  const { load } = useActions();
  const boot = useAppStore((state) => state.boot);

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
              <SecretBackendNotice secretBackend={boot.appInfo.secretBackend} />
              <Wizard />
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
