import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';

interface CompanyChecklistProps {
  companies: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  checked: ReadonlyArray<string>;
  /** Ticked and not changeable (already connected, in "Add companies"). */
  locked?: ReadonlySet<string>;
  lockedNote?: string;
  /** A further line under a company (e.g. "Inactive in Vitec"), if it has one. */
  noteOf?: (company: { readonly id: string; readonly name: string }) => string | undefined;
  /** data-testid of each checkbox: `${testIdPrefix}${companyId}`. */
  testIdPrefix: string;
  onToggle: (companyId: string) => void;
  disabled?: boolean;
}

/** Companies as checkboxes, for adding to or removing from a credential. */
export function CompanyChecklist({ companies, checked, locked, lockedNote, noteOf, testIdPrefix, onToggle, disabled }: CompanyChecklistProps) {
  const { t } = useTranslation();
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, mt: 1 }}>
      <Typography component="legend" variant="subtitle2">
        {t('dataSources.dialogs.listLabel')}
      </Typography>
      {companies.map((company) => {
        const isLocked = locked?.has(company.id) === true;
        const noteId = `${testIdPrefix}${company.id}-note`;
        const note = [isLocked ? lockedNote : undefined, noteOf?.(company)].filter(Boolean).join(' · ');
        return (
          <Box key={company.id}>
            <FormControlLabel
              label={company.name}
              control={
                <Checkbox
                  checked={isLocked || checked.includes(company.id)}
                  disabled={disabled || isLocked}
                  onChange={() => onToggle(company.id)}
                  slotProps={{ input: { 'data-testid': `${testIdPrefix}${company.id}`, 'aria-describedby': note ? noteId : undefined } }}
                />
              }
            />
            {note && (
              <Typography id={noteId} variant="body2" color="text.secondary" sx={{ ml: 4, mt: -1, mb: 0.5 }}>
                {note}
              </Typography>
            )}
          </Box>
        );
      })}
    </Box>
  );
}
