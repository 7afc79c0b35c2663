import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useTranslation } from 'react-i18next';
import type { DataSourceStatus } from '../../../preload/contract';
import { RunStatusLabel } from './RunStatusLabel';

/** One row per resource of the initial run: its status, rows fetched and any error. */
export function StatusResources({ resources }: { resources: DataSourceStatus['resources'] }) {
  const { t } = useTranslation();
  return (
    <Table size="small" aria-label={t('status.resourcesLabel')} data-testid="status-resources" sx={{ mb: 2 }}>
      <TableHead>
        <TableRow>
          <TableCell scope="col">{t('status.resource')}</TableCell>
          <TableCell scope="col">{t('status.state')}</TableCell>
          <TableCell scope="col" align="right">{t('status.rows')}</TableCell>
          <TableCell scope="col">{t('status.error')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {resources.map((resource) => (
          <TableRow key={resource.name} data-testid={`status-resource-${resource.name}`} data-status={resource.status}>
            <TableCell component="th" scope="row">{resource.name}</TableCell>
            <TableCell><RunStatusLabel status={resource.status} size="small" /></TableCell>
            <TableCell align="right">{resource.rows === undefined ? '—' : t('status.rowCount', { count: resource.rows })}</TableCell>
            <TableCell>{resource.error ?? ''}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
