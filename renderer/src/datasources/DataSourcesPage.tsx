import { useEffect, useRef } from 'react';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { Loading } from '../components/Loading';
import { SignInPanel } from '../components/signin/SignInPanel';
import { useFocusAfterSignIn } from '../components/signin/useFocusAfterSignIn';
import { useActions, useAppStore } from '../store';
import { DataSourcesContent } from './DataSourcesContent';

/**
 * Data sources: the connected credentials, grouped by system. Needs the Exopen session; while signed out the
 * sign-in panel stands in. The cards refresh every 2 s while any of them is queued or running.
 */
export function DataSourcesPage() {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const phase = useAppStore((state) => state.auth.phase);
  const { watchDataSources } = useActions();
  const signedIn = phase === 'signedIn';

  // Like every step, the page starts at its heading (keyboard and screen-reader users land at the top).
  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => (signedIn ? watchDataSources() : undefined), [signedIn, watchDataSources]);
  useFocusAfterSignIn(headingRef);

  return (
    <Paper component="section" variant="outlined" aria-labelledby="datasources-heading" sx={{ p: { xs: 2, md: 4 } }}>
      <Typography
        id="datasources-heading"
        ref={headingRef}
        component="h1"
        variant="h1"
        tabIndex={-1}
        data-testid="page-heading"
        sx={{ mb: 1, '&:focus': { outline: 'none' }, '&:focus-visible': { outline: '3px solid #f59e0b', outlineOffset: 4 } }}
      >
        {t('dataSources.title')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {t('dataSources.intro')}
      </Typography>
      {phase === 'unknown' && <Loading text={t('common:loading')} />}
      {phase === 'signedOut' && <SignInPanel reason="dataSources" />}
      {signedIn && <DataSourcesContent headingRef={headingRef} />}
    </Paper>
  );
}
