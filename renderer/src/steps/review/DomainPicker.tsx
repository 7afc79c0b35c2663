import Box from '@mui/material/Box';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { Domain } from '../../../../preload/contract';

interface DomainPickerProps {
  domains: ReadonlyArray<Domain>;
  value: string | null;
  onChoose: (id: string) => void;
}

/** The user's company domains; those they do not administer are listed, disabled, with the reason. */
export function DomainPicker({ domains, value, onChoose }: DomainPickerProps) {
  const { t } = useTranslation();
  return (
    <FormControl component="fieldset" data-testid="domain-picker" sx={{ display: 'block' }}>
      <FormLabel component="legend" sx={{ mb: 0.5 }}>
        {t('domain.legend')}
      </FormLabel>
      <RadioGroup name="company-domain" value={value ?? ''} onChange={(event) => onChoose(event.target.value)}>
        {domains.map((domain) => {
          const noteId = `domain-${domain.id}-note`;
          return (
            <Box key={domain.id}>
              <FormControlLabel
                value={domain.id}
                disabled={!domain.canAdminister}
                label={domain.name}
                control={
                  <Radio
                    slotProps={{
                      input: { 'data-testid': `domain-option-${domain.id}`, 'aria-describedby': domain.canAdminister ? undefined : noteId },
                    }}
                  />
                }
              />
              {!domain.canAdminister && (
                <Typography id={noteId} variant="body2" color="text.secondary" sx={{ ml: 4, mt: -1, mb: 0.5 }}>
                  {t('domain.notAdmin')}
                </Typography>
              )}
            </Box>
          );
        })}
      </RadioGroup>
    </FormControl>
  );
}
