import type { ReactElement } from 'react';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import CloudIcon from '@mui/icons-material/Cloud';
import DnsIcon from '@mui/icons-material/Dns';
import ScienceIcon from '@mui/icons-material/Science';
import { useTranslation } from 'react-i18next';
import type { BackendEnvironment } from '../../../../preload/contract';
import { assertNever, useAppStore } from '../../store';
import { backendInForce } from '../../store/selectors';

function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

function useLook(environment: BackendEnvironment, url: string): { label: string; icon: ReactElement; color: 'warning' | 'success' | 'info'; title?: string } {
  const { t } = useTranslation();
  switch (environment) {
    case 'sandbox':
      return { label: t('header.sandbox'), icon: <ScienceIcon aria-hidden />, color: 'warning' };
    case 'production':
      return { label: t('header.production'), icon: <CloudIcon aria-hidden />, color: 'success' };
    case 'custom':
      return { label: hostOf(url), icon: <DnsIcon aria-hidden />, color: 'info', title: t('header.customTitle', { url }) };
    default:
      return assertNever(environment);
  }
}

/** Which Exopen the running assistant hands data sources to: the sandbox, Exopen, or a custom backend. */
export function EnvBadge() {
  const backend = useAppStore(backendInForce);
  if (!backend) return null;
  return <EnvChip environment={backend.environment} url={backend.url} />;
}

function EnvChip({ environment, url }: { environment: BackendEnvironment; url: string }) {
  const { label, icon, color, title } = useLook(environment, url);
  return (
    <Box component="span" data-testid="env-badge" data-environment={environment} title={title} sx={{ display: 'inline-flex' }}>
      <Chip
        data-testid={environment === 'sandbox' ? 'sandbox-badge' : undefined}
        icon={icon}
        label={label}
        color={color}
        sx={{ fontWeight: 600, maxWidth: 460 }}
      />
    </Box>
  );
}
