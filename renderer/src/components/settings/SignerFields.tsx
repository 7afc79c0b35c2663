import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { SignerMode, SystemId } from '../../../../preload/contract';
import { useAppStore } from '../../store';
import { SignerSelect } from './SignerSelect';

interface SignerFieldsProps {
  signers: Readonly<Partial<Record<SystemId, SignerMode>>>;
  onChange: (signers: Readonly<Partial<Record<SystemId, SignerMode>>>) => void;
}

/** One choice per system that needs Exopen's partner secret: the systems the settings name. */
export function SignerFields({ signers, onChange }: SignerFieldsProps) {
  const { t } = useTranslation();
  const systems = useAppStore((state) => (state.boot.phase === 'ready' ? state.boot.systems : null));
  const shown = (systems ?? []).filter((system) => signers[system.id] !== undefined);
  if (shown.length === 0) return null;
  return (
    <Stack component="fieldset" spacing={2} sx={{ border: 0, p: 0, m: 0, mt: 3 }}>
      <Typography component="legend" variant="h2" sx={{ mb: 0.5 }}>
        {t('settings.signersTitle')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('settings.signersIntro')}
      </Typography>
      {shown.map((system) => (
        <SignerSelect
          key={system.id}
          system={system.id}
          systemName={system.name}
          value={signers[system.id] ?? 'broker'}
          onChange={(mode) => onChange({ ...signers, [system.id]: mode })}
        />
      ))}
    </Stack>
  );
}
