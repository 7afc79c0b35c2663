import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import Link from '@mui/material/Link';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { useTranslation } from 'react-i18next';
import type { Prerequisite } from '../../../main/connectors/types';
import { CopyableValue } from '../components/CopyButton';
import { useMsg } from '../components/useMsg';
import { useActions } from '../store';

interface PrerequisiteItemProps {
  index: number;
  prerequisite: Prerequisite;
  ticked: boolean;
  onToggle: () => void;
}

/** One vendor-side step: a checkbox named by its title, the how-to text, a value to copy, a help link. */
export function PrerequisiteItem({ index, prerequisite, ticked, onToggle }: PrerequisiteItemProps) {
  const { t } = useTranslation();
  const renderMsg = useMsg();
  const { openLink } = useActions();
  const titleId = `prereq-${prerequisite.id}-title`;
  const title = renderMsg(prerequisite.title);

  return (
    <ListItem
      data-testid={`prereq-${prerequisite.id}`}
      sx={{ alignItems: 'flex-start', gap: 1, px: 0, py: 1.5, borderBottom: 1, borderColor: 'divider' }}
    >
      <Checkbox
        checked={ticked}
        onChange={onToggle}
        sx={{ mt: -0.75 }}
        slotProps={{ input: { 'aria-labelledby': titleId } }}
      />
      <Box sx={{ flexGrow: 1, minWidth: 0 }}>
        <Typography id={titleId} component="h2" variant="h2" sx={{ fontSize: '1rem' }}>
          {t('prepare.stepNumber', { number: index + 1, title })}
        </Typography>
        <Typography variant="body2" sx={{ mt: 0.5, whiteSpace: 'pre-line' }}>
          {renderMsg(prerequisite.body)}
        </Typography>
        {prerequisite.copyValue && (
          <Box sx={{ mt: 1 }}>
            <CopyableValue id={prerequisite.id} value={prerequisite.copyValue} what={title} />
          </Box>
        )}
        {prerequisite.link && (
          <Link
            component="button"
            type="button"
            variant="body2"
            onClick={() => void openLink(prerequisite.link ?? '')}
            sx={{ mt: 1, display: 'inline-flex', alignItems: 'center', gap: 0.5 }}
            data-testid={`link-${prerequisite.id}`}
          >
            {t('prepare.openGuide')}
            <OpenInNewIcon fontSize="inherit" aria-hidden />
            <Box component="span" sx={visuallyHidden}>{t('common:opensInBrowser')}</Box>
          </Link>
        )}
      </Box>
    </ListItem>
  );
}

const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;
