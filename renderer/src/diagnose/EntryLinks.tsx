import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useActions } from '../store';
import { focusEntry } from './focusEntry';

/** Links to catalogue entries: the search is cleared so the entry is shown, then it takes the focus. */
export function EntryLinks({ ids, label }: { ids: ReadonlyArray<string>; label?: string }) {
  const { t } = useTranslation();
  const { setCatalogueQuery } = useActions();
  if (ids.length === 0) return null;
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'baseline' }}>
      {label && (
        <Typography variant="body2" component="span" color="text.secondary">
          {label}
        </Typography>
      )}
      {ids.map((id) => (
        <Link
          key={id}
          component="button"
          type="button"
          variant="body2"
          data-testid={`diagnose-entry-link-${id}`}
          onClick={() => {
            setCatalogueQuery('');
            focusEntry(id);
          }}
        >
          {t('diagnose.result.entryLink', { id })}
        </Link>
      ))}
    </Box>
  );
}
