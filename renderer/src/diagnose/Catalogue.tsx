import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import GlobalStyles from '@mui/material/GlobalStyles';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import PrintIcon from '@mui/icons-material/Print';
import ReplayIcon from '@mui/icons-material/Replay';
import { useTranslation } from 'react-i18next';
import type { CatalogueEntry, SystemId } from '../../../preload/contract';
import { ErrorAlert } from '../components/ErrorAlert';
import { Loading } from '../components/Loading';
import { useMsg } from '../components/useMsg';
import { useActions, useAppStore } from '../store';
import { MONOSPACE } from '../theme';
import { entryDomId, focusResult, showProgress } from './focusEntry';

export const CATALOGUE_ID = 'diagnose-catalogue';

/** Printing shows the catalogue alone (as filtered), without the app around it. */
const printStyles = (
  <GlobalStyles
    styles={{
      '@media print': {
        'body *': { visibility: 'hidden' },
        [`#${CATALOGUE_ID}, #${CATALOGUE_ID} *`]: { visibility: 'visible' },
        [`#${CATALOGUE_ID}`]: { position: 'absolute', left: 0, top: 0, width: '100%' },
        [`#${CATALOGUE_ID} .no-print`]: { display: 'none !important' },
        [`#${CATALOGUE_ID} article`]: { breakInside: 'avoid', border: '1px solid #999' },
      },
    }}
  />
);

/**
 * Sandbox only: run the scenario that shows this problem. The page scrolls up to the live progress at once
 * and puts the focus on the result when it is in, so a keyboard user is not left at the bottom of the catalogue.
 */
function ReproduceButton({ entry }: { entry: CatalogueEntry }) {
  const { t } = useTranslation();
  const running = useAppStore((state) => state.diagnose.running);
  const { reproduceKnownProblem } = useActions();
  const helpId = `${entryDomId(entry.id)}-reproduce-help`;
  return (
    <Box className="no-print" sx={{ mt: 1.5 }}>
      <Button
        variant="outlined"
        size="small"
        startIcon={<ReplayIcon aria-hidden />}
        disabled={running}
        aria-label={t('diagnose.catalogue.reproduceLabel', { id: entry.id })}
        aria-describedby={helpId}
        data-testid={`diagnose-reproduce-${entry.id}`}
        onClick={() => {
          const done = reproduceKnownProblem(entry.id);
          showProgress();
          void done.then((ok) => ok && focusResult());
        }}
      >
        {t('diagnose.catalogue.reproduce')}
      </Button>
      <Typography id={helpId} variant="caption" component="p" color="text.secondary" sx={{ mt: 0.5 }}>
        {t('diagnose.catalogue.reproduceHelp', { scenario: entry.scenario })}
      </Typography>
    </Box>
  );
}

function Entry({ entry, canReproduce }: { entry: CatalogueEntry; canReproduce: boolean }) {
  const { t } = useTranslation();
  const renderMsg = useMsg();
  const headingId = `${entryDomId(entry.id)}-heading`;
  return (
    <Paper
      component="article"
      variant="outlined"
      id={entryDomId(entry.id)}
      tabIndex={-1}
      aria-labelledby={headingId}
      data-testid={`diagnose-entry-${entry.id}`}
      sx={{ p: 2, mb: 2, '&:focus': { outline: 'none' }, '&:focus-visible': { outline: '3px solid #f59e0b', outlineOffset: 2 } }}
    >
      <Typography id={headingId} component="h4" variant="h4" sx={{ fontSize: '1rem', fontWeight: 700 }}>
        {renderMsg(entry.symptom)}
      </Typography>
      <Typography variant="caption" component="p" sx={{ fontFamily: MONOSPACE }}>
        {entry.id}
      </Typography>
      <Box component="dl" sx={{ m: 0, mt: 1, '& dt': { fontWeight: 600, mt: 1 }, '& dd': { ml: 0 } }}>
        <Typography component="dt" variant="body2">{t('diagnose.catalogue.detection')}</Typography>
        <Typography component="dd" variant="body2">{renderMsg(entry.detection)}</Typography>
        <Typography component="dt" variant="body2">{t('diagnose.catalogue.meaning')}</Typography>
        <Typography component="dd" variant="body2">{renderMsg(entry.meaning)}</Typography>
        <Typography component="dt" variant="body2">{t('diagnose.catalogue.fix')}</Typography>
        <Typography component="dd" variant="body2" sx={{ whiteSpace: 'pre-line' }}>{renderMsg(entry.fix)}</Typography>
        {entry.keywords.length > 0 && (
          <>
            <Typography component="dt" variant="body2">{t('diagnose.catalogue.keywords')}</Typography>
            <Typography component="dd" variant="body2" sx={{ fontFamily: MONOSPACE, fontSize: '0.8rem' }}>
              {entry.keywords.join(' · ')}
            </Typography>
          </>
        )}
      </Box>
      {canReproduce && <ReproduceButton entry={entry} />}
    </Paper>
  );
}

/** Entries whose texts, keywords or id contain every word of the query (case-insensitive). */
function useFiltered(entries: ReadonlyArray<CatalogueEntry>, query: string): ReadonlyArray<CatalogueEntry> {
  const renderMsg = useMsg();
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return entries;
  return entries.filter((entry) => {
    const haystack = [entry.id, entry.system, ...entry.keywords, ...[entry.symptom, entry.detection, entry.meaning, entry.fix].map(renderMsg)].join('\n').toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/** The known-problems catalogue: searchable, grouped by system, printable. */
export function Catalogue() {
  const { t } = useTranslation();
  const catalogue = useAppStore((state) => state.diagnose.catalogue);
  const query = useAppStore((state) => state.diagnose.query);
  const systems = useAppStore((state) => (state.boot.phase === 'ready' ? state.boot.systems : []));
  const canReproduce = useAppStore((state) => state.boot.phase === 'ready' && state.boot.appInfo.sandbox);
  const { setCatalogueQuery, loadDiagnose } = useActions();
  const entries = catalogue.phase === 'ready' ? catalogue.entries : [];
  const shown = useFiltered(entries, query);
  const groups = [...new Set(shown.map((entry) => entry.system))] as SystemId[];
  const nameOf = (system: SystemId): string => systems.find((descriptor) => descriptor.id === system)?.name ?? system;

  return (
    <Box component="section" id={CATALOGUE_ID} aria-labelledby="diagnose-catalogue-heading" sx={{ mt: 5 }}>
      {printStyles}
      <Typography id="diagnose-catalogue-heading" component="h2" variant="h2" sx={{ fontSize: '1.25rem', mb: 1 }}>
        {t('diagnose.catalogue.heading')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('diagnose.catalogue.intro')}
      </Typography>
      <Box className="no-print" sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap', mb: 2 }}>
        <TextField
          id="diagnose-catalogue-search"
          type="search"
          label={t('diagnose.catalogue.search')}
          helperText={t('diagnose.catalogue.searchHelp')}
          value={query}
          onChange={(event) => setCatalogueQuery(event.target.value)}
          sx={{ flex: '1 1 320px', maxWidth: 560 }}
          autoComplete="off"
          slotProps={{ htmlInput: { 'data-testid': 'diagnose-catalogue-search', spellCheck: false } }}
        />
        <Button variant="outlined" startIcon={<PrintIcon aria-hidden />} onClick={() => window.print()} data-testid="diagnose-catalogue-print" sx={{ mt: 1 }}>
          {t('diagnose.catalogue.print')}
        </Button>
      </Box>
      {catalogue.phase === 'loading' && <Loading text={t('diagnose.catalogue.loading')} />}
      {catalogue.phase === 'failed' && <ErrorAlert error={catalogue.error} title={t('diagnose.catalogue.failed')} onRetry={() => void loadDiagnose()} />}
      {catalogue.phase === 'ready' && (
        <>
          <Typography role="status" variant="body2" className="no-print" sx={{ mb: 2 }} data-testid="diagnose-catalogue-count">
            {shown.length === 0 ? t('diagnose.catalogue.none', { query }) : t('diagnose.catalogue.count', { count: shown.length })}
          </Typography>
          {groups.map((system) => (
            <Box key={system} component="section" aria-labelledby={`diagnose-catalogue-${system}`} data-testid={`diagnose-catalogue-${system}`} sx={{ mb: 3 }}>
              <Typography id={`diagnose-catalogue-${system}`} component="h3" variant="h3" sx={{ fontSize: '1.1rem', mb: 1.5 }}>
                {nameOf(system)}
              </Typography>
              {shown
                .filter((entry) => entry.system === system)
                .map((entry) => (
                  <Entry key={entry.id} entry={entry} canReproduce={canReproduce} />
                ))}
            </Box>
          ))}
        </>
      )}
    </Box>
  );
}
