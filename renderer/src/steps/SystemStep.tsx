import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { useTranslation } from 'react-i18next';
import type { SystemDescriptor } from '../../../preload/contract';
import { StepLayout } from '../components/StepLayout';
import { useMsg } from '../components/useMsg';
import { useActions, useAppStore, type SystemState } from '../store';

function SystemCard({ system, selected, onSelect }: { system: SystemDescriptor; selected: boolean; onSelect: () => void }) {
  const { t } = useTranslation();
  const renderMsg = useMsg();
  return (
    <Card variant="outlined" sx={{ height: '100%', borderWidth: 2, borderColor: selected ? 'primary.main' : 'divider' }}>
      <CardActionArea onClick={onSelect} aria-pressed={selected} data-testid={`system-${system.id}`} sx={{ height: '100%', alignItems: 'flex-start' }}>
        <CardContent>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 0.5 }}>
            <Typography component="h2" variant="h2" sx={{ flexGrow: 1 }}>
              {system.name}
            </Typography>
            {selected && (
              <Box sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, color: 'primary.main' }}>
                <CheckCircleIcon fontSize="small" aria-hidden />
                <Typography variant="body2">{t('system.selected')}</Typography>
              </Box>
            )}
          </Box>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {t('system.by', { vendor: system.vendor })}
          </Typography>
          <Typography variant="body2">{renderMsg(system.summary)}</Typography>
        </CardContent>
      </CardActionArea>
    </Card>
  );
}

/** Choose system: one card per connector; select one, then Next starts (or reopens) its draft. */
export function SystemStep({ state }: { state: SystemState }) {
  const { t } = useTranslation();
  const boot = useAppStore((s) => s.boot);
  const { selectSystem, confirmSystem } = useActions();
  const systems = boot.phase === 'ready' ? boot.systems : [];

  return (
    <StepLayout
      title={t('system.title')}
      intro={t('system.intro')}
      error={state.error}
      primary={{
        label: t('common:next'),
        onClick: () => void confirmSystem(),
        disabled: state.selected === null,
        busy: state.busy,
        testId: 'next',
      }}
    >
      <Grid container spacing={2} role="list" aria-label={t('system.listLabel')}>
        {systems.map((system) => (
          <Grid key={system.id} size={{ xs: 12, sm: 6, md: 4 }} role="listitem">
            <SystemCard system={system} selected={state.selected === system.id} onSelect={() => selectSystem(system.id)} />
          </Grid>
        ))}
      </Grid>
    </StepLayout>
  );
}
