import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import LockIcon from '@mui/icons-material/Lock';
import { useTranslation } from 'react-i18next';
import type { Domain, Review, ReviewItem } from '../../../../preload/contract';
import { useMsg } from '../../components/useMsg';
import { MONOSPACE } from '../../theme';

function ReviewValue({ item }: { item: ReviewItem }) {
  const { t } = useTranslation();
  const renderMsg = useMsg();
  if (!item.masked && item.display) {
    return (
      <Box component="span">
        {renderMsg(item.display)}
        <Box component="span" sx={{ fontFamily: MONOSPACE, color: 'text.secondary', ml: 1, wordBreak: 'break-all' }}>
          {item.value}
        </Box>
      </Box>
    );
  }
  if (!item.masked) return <Box component="span" sx={{ fontFamily: MONOSPACE, wordBreak: 'break-all' }}>{item.value}</Box>;
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1 }}>
      <LockIcon fontSize="small" aria-hidden />
      <span aria-hidden>••••</span>
      <Typography component="span" variant="body2" color="text.secondary">
        {t('review.masked')}
      </Typography>
    </Box>
  );
}

/** Exactly what goes to Exopen: the settings (secrets masked), the companies, the domain and the destination. */
export function ReviewTable({ review, domain }: { review: Review; domain: Domain | null }) {
  const { t } = useTranslation();
  const renderMsg = useMsg();
  return (
    <Table data-testid="review-table" aria-label={t('review.tableLabel')}>
      <TableBody>
        {review.items.map((item, index) => (
          <TableRow key={`${item.field}-${index}`} data-testid={`review-item-${item.field}`} data-masked={item.masked}>
            <TableCell component="th" scope="row" sx={{ width: '35%', fontWeight: 600 }}>
              {renderMsg(item.label)}
            </TableCell>
            <TableCell>
              <ReviewValue item={item} />
            </TableCell>
          </TableRow>
        ))}
        <TableRow data-testid="review-companies">
          <TableCell component="th" scope="row" sx={{ fontWeight: 600 }}>
            {t('review.companies', { count: review.companies.length })}
          </TableCell>
          <TableCell>
            <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
              {review.companies.map((company) => (
                <li key={company.id}>{company.businessId ? t('review.companyWithId', { name: company.name, id: company.businessId }) : company.name}</li>
              ))}
            </Box>
          </TableCell>
        </TableRow>
        <TableRow data-testid="review-domain" data-domain={domain?.id ?? ''}>
          <TableCell component="th" scope="row" sx={{ fontWeight: 600 }}>
            {t('review.domain')}
          </TableCell>
          <TableCell sx={{ color: domain ? undefined : 'text.secondary' }}>{domain ? domain.name : t('review.domainMissing')}</TableCell>
        </TableRow>
        <TableRow data-testid="review-destination">
          <TableCell component="th" scope="row" sx={{ fontWeight: 600 }}>
            {t('review.destination')}
          </TableCell>
          <TableCell sx={{ fontFamily: MONOSPACE, wordBreak: 'break-all' }}>{review.destination}</TableCell>
        </TableRow>
      </TableBody>
    </Table>
  );
}
