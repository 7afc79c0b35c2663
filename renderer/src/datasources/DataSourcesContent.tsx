import { useEffect, useRef, type RefObject } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import { useTranslation } from 'react-i18next';
import type { DataSourceCard, SystemId } from '../../../preload/contract';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { useActions, useAppStore } from '../store';
import { CardDialogs } from './CardDialogs';
import { SystemSection } from './SystemSection';

interface Group {
  readonly system: SystemId;
  readonly name: string;
  readonly cards: ReadonlyArray<DataSourceCard>;
}

/** Every known system gets a section (so each has its plus-card); cards of a system this version lacks still show. */
function useGroups(cards: ReadonlyArray<DataSourceCard>): ReadonlyArray<Group> {
  const systems = useAppStore((state) => (state.boot.phase === 'ready' ? state.boot.systems : null));
  const known = (systems ?? []).map((system) => ({ system: system.id, name: system.name, cards: cards.filter((card) => card.system === system.id) }));
  const unknown = [...new Set(cards.map((card) => card.system))].filter((id) => !known.some((group) => group.system === id));
  return [...known, ...unknown.map((id) => ({ system: id, name: id, cards: cards.filter((card) => card.system === id) }))];
}

/** When a card goes away (deleted) and took the focus with it, the focus returns to the page heading. */
function useFocusWhenCardRemoved(count: number, headingRef: RefObject<HTMLHeadingElement | null>): void {
  const previous = useRef(count);
  useEffect(() => {
    const active = document.activeElement;
    if (count < previous.current && (!active || active === document.body)) headingRef.current?.focus();
    previous.current = count;
  }, [count, headingRef]);
}

export function DataSourcesContent({ headingRef }: { headingRef: RefObject<HTMLHeadingElement | null> }) {
  const { t } = useTranslation();
  const { cards, loading, error, actionError } = useAppStore((state) => state.dataSources);
  const { loadDataSources, dismissDataSourcesError } = useActions();
  const groups = useGroups(cards ?? []);
  useFocusWhenCardRemoved(cards?.length ?? 0, headingRef);

  return (
    <>
      {actionError && (
        <ErrorAlert error={actionError}>
          <Button color="inherit" size="small" onClick={dismissDataSourcesError} sx={{ mt: 1 }}>
            {t('common:dismiss')}
          </Button>
        </ErrorAlert>
      )}
      {error && <ErrorAlert error={error} onRetry={() => void loadDataSources()} />}
      {cards === null && loading && <Loading text={t('dataSources.loading')} />}
      {cards !== null && cards.length === 0 && (
        <Alert severity="info" data-testid="datasources-empty" sx={{ mt: 2 }}>
          <AlertTitle>{t('dataSources.empty')}</AlertTitle>
          {t('dataSources.emptyBody')}
        </Alert>
      )}
      {cards !== null && groups.map((group) => <SystemSection key={group.system} system={group.system} name={group.name} cards={group.cards} />)}
      <CardDialogs />
    </>
  );
}
