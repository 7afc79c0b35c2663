import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { PageSection } from '../components/PageSection';
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
    <PageSection id="datasources" headingRef={headingRef} title={t('dataSources.title')} intro={t('dataSources.intro')}>
      {phase === 'unknown' && <Loading text={t('common:loading')} />}
      {phase === 'signedOut' && <SignInPanel reason="dataSources" />}
      {signedIn && <DataSourcesContent headingRef={headingRef} />}
    </PageSection>
  );
}
