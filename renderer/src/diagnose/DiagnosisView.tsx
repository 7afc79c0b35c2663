import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { Diagnosis, KnownProblem } from '../../../preload/contract';
import { useDateTime } from '../components/useDateTime';
import { useMsg } from '../components/useMsg';
import { MONOSPACE } from '../theme';
import { DiagnosedCheck } from './DiagnosedCheck';
import { EntryLinks } from './EntryLinks';

const SEVERITY = { passed: 'success', warning: 'warning', failed: 'error' } as const;

function Overall({ diagnosis }: { diagnosis: Diagnosis }) {
  const { t } = useTranslation();
  const formatDateTime = useDateTime();
  return (
    <Alert severity={SEVERITY[diagnosis.overall]} data-testid="diagnose-overall" data-status={diagnosis.overall} sx={{ mb: 2 }}>
      <Typography sx={{ fontWeight: 700 }}>
        {t('diagnose.result.overallLine', { system: diagnosis.systemName, overall: t(`diagnose.result.overall.${diagnosis.overall}`) })}
        {diagnosis.environment.sandbox ? ` (${diagnosis.environment.scenario ? t('diagnose.result.scenario', { scenario: diagnosis.environment.scenario }) : t('diagnose.result.sandbox')})` : ''}
      </Typography>
      <Typography variant="body2">
        {t('diagnose.result.ranAt', { start: formatDateTime(diagnosis.startedAt), end: formatDateTime(diagnosis.finishedAt), version: diagnosis.appVersion })}
      </Typography>
    </Alert>
  );
}

function KnownProblemCard({ problem, titles }: { problem: KnownProblem; titles: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const renderMsg = useMsg();
  const where = [...problem.checkIds.map((id) => titles.get(id) ?? id), ...problem.rowIds].join(', ');
  const headingId = `diagnose-known-heading-${problem.id}`;
  return (
    <Paper component="article" variant="outlined" aria-labelledby={headingId} data-testid={`diagnose-known-${problem.id}`} sx={{ p: 2, mb: 2 }}>
      <Typography id={headingId} component="h3" variant="h3" sx={{ fontSize: '1.05rem' }}>
        {renderMsg(problem.symptom)}
      </Typography>
      <Typography variant="caption" component="p" sx={{ fontFamily: MONOSPACE, mb: 1 }}>
        {problem.id}
      </Typography>
      {where && (
        <Typography variant="body2" color="text.secondary">
          {t('diagnose.known.seenIn', { where })}
        </Typography>
      )}
      <Box component="dl" sx={{ m: 0, mt: 1, '& dt': { fontWeight: 600, mt: 1 }, '& dd': { ml: 0 } }}>
        <Typography component="dt" variant="body2">{t('diagnose.known.meaning')}</Typography>
        <Typography component="dd" variant="body2">{renderMsg(problem.meaning)}</Typography>
        <Typography component="dt" variant="body2">{t('diagnose.known.fix')}</Typography>
        <Typography component="dd" variant="body2" sx={{ whiteSpace: 'pre-line' }}>{renderMsg(problem.fix)}</Typography>
      </Box>
      <Box sx={{ mt: 1 }}>
        <EntryLinks ids={[problem.id]} />
      </Box>
    </Paper>
  );
}

function Timeline({ diagnosis, titles }: { diagnosis: Diagnosis; titles: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  if (diagnosis.timeline.length === 0) {
    return <Typography variant="body2">{t('diagnose.timeline.empty')}</Typography>;
  }
  return (
    <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 1 }}>
      <Table size="small" data-testid="diagnose-timeline">
        <caption style={{ captionSide: 'top', textAlign: 'left', padding: '8px 12px' }}>{t('diagnose.timeline.caption', { system: diagnosis.systemName })}</caption>
        <TableHead>
          <TableRow>
            <TableCell scope="col">{t('diagnose.timeline.seq')}</TableCell>
            <TableCell scope="col">{t('diagnose.timeline.at')}</TableCell>
            <TableCell scope="col">{t('diagnose.timeline.method')}</TableCell>
            <TableCell scope="col">{t('diagnose.timeline.url')}</TableCell>
            <TableCell scope="col">{t('diagnose.timeline.status')}</TableCell>
            <TableCell scope="col">{t('diagnose.timeline.duration')}</TableCell>
            <TableCell scope="col">{t('diagnose.timeline.check')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {diagnosis.timeline.map((entry) => (
            <TableRow key={entry.seq} data-testid={`diagnose-request-${entry.seq}`}>
              <TableCell component="th" scope="row">{entry.seq}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{t('diagnose.timeline.ms', { ms: entry.atMs })}</TableCell>
              <TableCell sx={{ fontFamily: MONOSPACE }}>{entry.method}</TableCell>
              <TableCell sx={{ fontFamily: MONOSPACE, fontSize: '0.8rem', wordBreak: 'break-all' }}>{entry.url}</TableCell>
              <TableCell>{entry.status ?? t('diagnose.timeline.noAnswer', { error: entry.error ?? '?' })}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{t('diagnose.timeline.ms', { ms: entry.durationMs })}</TableCell>
              <TableCell>{entry.checkId ? (titles.get(entry.checkId) ?? entry.checkId) : ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/** The finished run: overall, each check, the known problems it shows, and the request timeline. */
export function DiagnosisView({ diagnosis }: { diagnosis: Diagnosis }) {
  const { t } = useTranslation();
  const renderMsg = useMsg();
  const titles = new Map(diagnosis.results.map((result) => [result.checkId, renderMsg(result.title)]));
  return (
    <Box component="section" aria-labelledby="diagnose-result-heading" data-testid="diagnose-result" sx={{ mt: 3 }}>
      <Typography id="diagnose-result-heading" tabIndex={-1} component="h2" variant="h2" sx={{ fontSize: '1.25rem', mb: 2, '&:focus': { outline: 'none' }, '&:focus-visible': { outline: '3px solid #f59e0b', outlineOffset: 2 } }}>
        {t('diagnose.result.heading')}
      </Typography>
      <Overall diagnosis={diagnosis} />
      {diagnosis.results.map((result) => (
        <DiagnosedCheck key={result.checkId} result={result} system={diagnosis.systemName} />
      ))}

      <Typography id="diagnose-known-heading" component="h2" variant="h2" sx={{ fontSize: '1.25rem', mt: 4, mb: 2 }}>
        {t('diagnose.known.heading')}
      </Typography>
      <Box aria-labelledby="diagnose-known-heading" component="section" data-testid="diagnose-known">
        {diagnosis.knownProblems.length === 0 ? (
          <Typography variant="body2">{t('diagnose.known.none')}</Typography>
        ) : (
          diagnosis.knownProblems.map((problem) => <KnownProblemCard key={problem.id} problem={problem} titles={titles} />)
        )}
      </Box>

      <Typography id="diagnose-timeline-heading" component="h2" variant="h2" sx={{ fontSize: '1.25rem', mt: 4, mb: 2 }}>
        {t('diagnose.timeline.heading')}
      </Typography>
      <Timeline diagnosis={diagnosis} titles={titles} />
    </Box>
  );
}
