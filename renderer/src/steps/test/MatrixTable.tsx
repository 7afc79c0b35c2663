import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { MatrixRow } from '../../../../preload/contract';
import { useMsg } from '../../components/useMsg';
import { MONOSPACE } from '../../theme';
import { RowStatusLabel } from './StatusLabel';

function RowDetails({ row }: { row: MatrixRow }) {
  const renderMsg = useMsg();
  if (row.status === 'allowed') return null;
  return (
    <>
      <Typography variant="body2">{renderMsg(row.meaning)}</Typography>
      <Typography variant="body2" sx={{ mt: 0.5, fontWeight: 600, whiteSpace: 'pre-line' }}>
        {renderMsg(row.fix)}
      </Typography>
    </>
  );
}

function VendorCell({ row }: { row: MatrixRow }) {
  if (row.status === 'allowed' || !row.vendor) return null;
  const code = [row.vendor.code, row.vendor.httpStatus].filter((part) => part !== undefined).join(' · ');
  return (
    <Typography component="span" variant="body2" sx={{ fontFamily: MONOSPACE, fontSize: '0.8rem', wordBreak: 'break-word' }}>
      {code && <strong style={{ display: 'block' }}>{code}</strong>}
      {row.vendor.text}
    </Typography>
  );
}

/** One row per resource (e.g. Netvisor's rights of interface resources) with its status, vendor text and fix. */
export function MatrixTable({ checkId, rows, caption }: { checkId: string; rows: ReadonlyArray<MatrixRow>; caption: string }) {
  const { t } = useTranslation();
  const renderMsg = useMsg();
  return (
    <TableContainer sx={{ mt: 1.5, border: 1, borderColor: 'divider', borderRadius: 1 }}>
      <Table size="small" data-testid={`matrix-${checkId}`}>
        <caption style={{ captionSide: 'top', textAlign: 'left', padding: '8px 12px' }}>{caption}</caption>
        <TableHead>
          <TableRow>
            <TableCell scope="col">{t('test.matrix.resource')}</TableCell>
            <TableCell scope="col">{t('test.matrix.status')}</TableCell>
            <TableCell scope="col">{t('test.matrix.vendor')}</TableCell>
            <TableCell scope="col">{t('test.matrix.fix')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id} data-testid={`row-${row.id}`} data-status={row.status}>
              <TableCell component="th" scope="row">
                {renderMsg(row.label)}
              </TableCell>
              <TableCell>
                <RowStatusLabel status={row.status} />
              </TableCell>
              <TableCell>
                <VendorCell row={row} />
              </TableCell>
              <TableCell>
                <RowDetails row={row} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
