import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading';
import { StepLayout } from '../../components/StepLayout';
import { useActions, useAppStore, type AppState, type ReviewState } from '../../store';
import { cardById, chosenDomain } from '../../store/selectors';
import { DomainSection } from './DomainSection';
import { ReviewTable } from './ReviewTable';

/** The name of the data source a recreate replaces: its card, else the display name under review, else its id. */
function recreateName(state: AppState, review: ReviewState): string {
  const id = review.session.recreateOf ?? '';
  return cardById(state, id)?.displayName ?? review.review?.items.find((item) => item.field === 'displayName')?.value ?? id;
}

/** Review: the company domain, then exactly what goes to Exopen (secrets masked), then Hand off (or Recreate). */
export function ReviewStep({ state }: { state: ReviewState }) {
  const { t } = useTranslation();
  const { submitHandoff, loadReview, back } = useActions();
  const domain = useAppStore((app) => chosenDomain(app, state.session));
  const name = useAppStore((app) => recreateName(app, state));
  const recreate = state.session.recreateOf !== null;
  const ready = state.review !== null && domain !== null;

  return (
    <StepLayout
      title={recreate ? t('review.recreateTitle', { name }) : t('review.title')}
      intro={t(recreate ? 'review.recreateIntro' : 'review.intro')}
      error={state.error}
      onRetry={() => void loadReview()}
      onBack={back}
      primary={{ label: t(recreate ? 'review.recreate' : 'review.handoff'), onClick: () => void submitHandoff(), disabled: !ready, busy: state.busy, testId: 'handoff-submit' }}
    >
      <DomainSection session={state.session} />
      {state.review ? <ReviewTable review={state.review} domain={domain} /> : state.busy && <Loading text={t('review.loading')} />}
      {state.review && !domain && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }} data-testid="review-choose-domain">
          {t('review.chooseDomainFirst')}
        </Typography>
      )}
    </StepLayout>
  );
}
