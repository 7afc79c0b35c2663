import { useRef } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { SignInPanel } from '../../components/signin/SignInPanel';
import { useFocusAfterSignIn } from '../../components/signin/useFocusAfterSignIn';
import { useActions, useAppStore, type Session } from '../../store';
import { DomainCreateForm } from './DomainCreateForm';
import { DomainPicker } from './DomainPicker';

function DomainChoice({ session }: { session: Session }) {
  const { t } = useTranslation();
  const list = useAppStore((state) => state.domains.list);
  const { loadDomains, chooseDomain } = useActions();
  switch (list.phase) {
    case 'idle':
    case 'loading':
      return <Loading text={t('domain.loading')} />;
    case 'failed':
      return <ErrorAlert error={list.error} onRetry={() => void loadDomains()} />;
    case 'ready':
      break;
  }
  const saved = session.domainId ? list.list.find((domain) => domain.id === session.domainId) : undefined;
  // A recreate stays in the domain of the data source it replaces.
  if (session.recreateOf && session.domainId) return <Typography data-testid="domain-fixed">{t('domain.recreateFixed', { name: saved?.name ?? session.domainId })}</Typography>;
  return (
    <>
      {session.domainId && !saved?.canAdminister && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {t('domain.lostAccess')}
        </Alert>
      )}
      {list.list.length === 0 ? (
        <Typography sx={{ mb: 1 }}>{t('domain.none')}</Typography>
      ) : (
        <DomainPicker domains={list.list} value={saved?.canAdminister ? saved.id : null} onChoose={chooseDomain} />
      )}
      <DomainCreateForm />
    </>
  );
}

/** Where the data source goes: sign in first, then choose (or create) a company domain. */
export function DomainSection({ session }: { session: Session }) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const signedIn = useAppStore((state) => state.auth.phase === 'signedIn');
  useFocusAfterSignIn(headingRef);
  if (!signedIn) return <SignInPanel reason="review" />;
  return (
    <Box component="section" aria-labelledby="domain-title" sx={{ mb: 3 }}>
      <Typography
        id="domain-title"
        ref={headingRef}
        tabIndex={-1}
        component="h2"
        variant="h2"
        sx={{ mb: 0.5, '&:focus': { outline: 'none' }, '&:focus-visible': { outline: '3px solid #f59e0b', outlineOffset: 4 } }}
      >
        {t('domain.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('domain.intro')}
      </Typography>
      <DomainChoice session={session} />
    </Box>
  );
}
