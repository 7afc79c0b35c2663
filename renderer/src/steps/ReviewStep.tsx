import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import LockIcon from '@mui/icons-material/Lock';
import { useTranslation } from 'react-i18next';
import type { Review, ReviewItem } from '../../../preload/contract';
import { StepLayout } from '../components/StepLayout';
import { useMsg } from '../components/useMsg';
import { useActions, type ReviewState } from '../store';
import { MONOSPACE } from '../theme';

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

function ReviewTable({ review }: { review: Review }) {
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

/** Review: exactly what goes to Exopen, secrets masked, then the Hand off button. */
export function ReviewStep({ state }: { state: ReviewState }) {
  const { t } = useTranslation();
  const { submitHandoff, loadReview, back } = useActions();
  return (
    <StepLayout
      title={t('review.title')}
      intro={t('review.intro')}
      error={state.error}
      onRetry={() => void loadReview()}
      onBack={back}
      primary={{ label: t('review.handoff'), onClick: () => void submitHandoff(), disabled: !state.review, busy: state.busy, testId: 'handoff-submit' }}
    >
      {state.review ? (
        <ReviewTable review={state.review} />
      ) : (
        state.busy && (
          <Box role="status" sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
            <CircularProgress size={24} aria-hidden />
            <Typography>{t('review.loading')}</Typography>
          </Box>
        )
      )}
    </StepLayout>
  );
}
