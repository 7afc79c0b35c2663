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
import type { DiagnosedResult, VendorText } from '../../../preload/contract';
import { useMsg } from '../components/useMsg';
import { CheckStatusLabel, RowStatusLabel } from '../steps/test/StatusLabel';
import { VendorTextBox } from '../steps/test/VendorTextBox';
import { MONOSPACE } from '../theme';
import { EntryLinks } from './EntryLinks';

type DiagnosedRow = DiagnosedResult['rows'][number];

function VendorWords({ vendor }: { vendor: VendorText }) {
  const code = [vendor.code, vendor.httpStatus].filter((part) => part !== undefined).join(' · ');
  return (
    <Box component="span" sx={{ fontFamily: MONOSPACE, fontSize: '0.8rem', wordBreak: 'break-word', whiteSpace: 'pre-wrap' }} data-testid="diag-vendor-text">
      {code && <strong style={{ display: 'block' }}>{code}</strong>}
      {vendor.text}
    </Box>
  );
}

function RowsTable({ checkId, title, rows, system }: { checkId: string; title: string; rows: ReadonlyArray<DiagnosedRow>; system: string }) {
  const { t } = useTranslation();
  const renderMsg = useMsg();
  return (
    <TableContainer sx={{ mt: 2, border: 1, borderColor: 'divider', borderRadius: 1 }}>
      <Table size="small" data-testid={`diag-matrix-${checkId}`}>
        <caption style={{ captionSide: 'top', textAlign: 'left', padding: '8px 12px' }}>{t('diagnose.result.rowsCaption', { check: title })}</caption>
        <TableHead>
          <TableRow>
            <TableCell scope="col">{t('diagnose.result.row')}</TableCell>
            <TableCell scope="col">{t('diagnose.result.rowStatus')}</TableCell>
            <TableCell scope="col">{t('diagnose.result.rowVendor', { system })}</TableCell>
            <TableCell scope="col">{t('diagnose.result.rowFix')}</TableCell>
            <TableCell scope="col">{t('diagnose.result.rowEntries')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id} data-testid={`diag-row-${row.id}`} data-status={row.status}>
              <TableCell component="th" scope="row">
                {renderMsg(row.label)}
              </TableCell>
              <TableCell>
                <RowStatusLabel status={row.status} />
              </TableCell>
              <TableCell sx={{ maxWidth: 280 }}>{row.vendor && <VendorWords vendor={row.vendor} />}</TableCell>
              <TableCell>
                {row.meaning && <Typography variant="body2">{renderMsg(row.meaning)}</Typography>}
                {row.fix && (
                  <Typography variant="body2" sx={{ mt: 0.5, fontWeight: 600, whiteSpace: 'pre-line' }} data-testid={`diag-row-fix-${row.id}`}>
                    {renderMsg(row.fix)}
                  </Typography>
                )}
              </TableCell>
              <TableCell>
                <EntryLinks ids={row.entries} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/** One check as support sees it: outcome, the vendor's verbatim words NEXT TO our explanation and fix, its rows. */
export function DiagnosedCheck({ result, system }: { result: DiagnosedResult; system: string }) {
  const { t } = useTranslation();
  const renderMsg = useMsg();
  const title = renderMsg(result.title);
  const headingId = `diag-check-heading-${result.checkId}`;
  const explained = result.vendor !== undefined || result.meaning !== undefined || result.fix !== undefined;
  const problem = result.outcome === 'failed' || result.outcome === 'warning';
  return (
    <Paper
      component="article"
      variant="outlined"
      aria-labelledby={headingId}
      data-testid={`diag-check-${result.checkId}`}
      data-status={result.outcome}
      sx={{ p: 2, mb: 2, borderLeft: 4, borderLeftColor: result.outcome === 'failed' ? 'error.main' : result.outcome === 'warning' ? 'warning.main' : 'divider' }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography id={headingId} component="h3" variant="h3" sx={{ fontSize: '1.05rem', flexGrow: 1 }}>
          {title}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('diagnose.result.duration', { ms: result.durationMs })}
        </Typography>
        <CheckStatusLabel status={result.outcome} />
      </Box>
      <Typography variant="body2" sx={{ mt: 0.5 }}>
        {renderMsg(result.summary)}
      </Typography>
      {problem && result.kind && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
          {t(`test.kind.${result.kind}`, { system })}
        </Typography>
      )}
      {explained && (
        <Box sx={{ mt: 1.5, display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, alignItems: 'start' }}>
          <Box>
            <Typography component="h4" variant="subtitle2">
              {t('diagnose.result.vendorColumn', { system })}
            </Typography>
            {result.vendor ? (
              <VendorTextBox vendor={result.vendor} system={system} />
            ) : (
              <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                {t('diagnose.result.noVendorText', { system })}
              </Typography>
            )}
          </Box>
          <Box>
            <Typography component="h4" variant="subtitle2">
              {t('diagnose.result.ourColumn')}
            </Typography>
            {result.meaning && (
              <>
                <Typography variant="body2" sx={{ mt: 1, fontWeight: 600 }}>
                  {t('diagnose.result.meaning')}
                </Typography>
                <Typography variant="body2">{renderMsg(result.meaning)}</Typography>
              </>
            )}
            {result.fix && (
              <>
                <Typography variant="body2" sx={{ mt: 1, fontWeight: 600 }}>
                  {t('diagnose.result.fix')}
                </Typography>
                <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }} data-testid={`diag-fix-${result.checkId}`}>
                  {renderMsg(result.fix)}
                </Typography>
              </>
            )}
          </Box>
        </Box>
      )}
      {result.rows.length > 0 && <RowsTable checkId={result.checkId} title={title} rows={result.rows} system={system} />}
      {result.entries.length > 0 && (
        <Box sx={{ mt: 1.5 }}>
          <EntryLinks ids={result.entries} label={t('diagnose.result.entries')} />
        </Box>
      )}
    </Paper>
  );
}
