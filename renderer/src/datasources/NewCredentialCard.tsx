import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import Typography from '@mui/material/Typography';
import AddCircleOutlineIcon from '@mui/icons-material/AddCircleOutlineOutlined';
import { useTranslation } from 'react-i18next';
import type { SystemId } from '../../../preload/contract';
import { useActions } from '../store';

/** The plus-card: starts the wizard for another credential of this system. */
export function NewCredentialCard({ system, name }: { system: SystemId; name: string }) {
  const { t } = useTranslation();
  const { startNewCredential } = useActions();
  return (
    <Card variant="outlined" sx={{ height: '100%', borderStyle: 'dashed', borderWidth: 2 }}>
      <CardActionArea
        onClick={() => void startNewCredential(system)}
        data-testid={`new-credential-${system}`}
        sx={{ height: '100%', minHeight: 160, display: 'flex', flexDirection: 'column', justifyContent: 'center', gap: 0.5, p: 2 }}
      >
        <AddCircleOutlineIcon fontSize="large" color="primary" aria-hidden />
        <Typography sx={{ fontWeight: 600 }}>{t('dataSources.newCredential')}</Typography>
        <Typography variant="body2" color="text.secondary">
          {name}
        </Typography>
      </CardActionArea>
    </Card>
  );
}
