import Box from '@mui/material/Box';
import LockIcon from '@mui/icons-material/Lock';
import type { ReactNode } from 'react';

interface FieldHelpProps {
  /** The format problem, shown first. */
  error?: string;
  /** "Where to find it". */
  help?: string;
  /** e.g. "Stored in the keychain — type to replace". */
  stored?: string;
}

const line = (key: string, content: ReactNode) => (
  <Box component="span" key={key} sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
    {content}
  </Box>
);

/** The helper text under a field: its error, where to find the value, and whether a secret is already stored. */
export function FieldHelp({ error, help, stored }: FieldHelpProps) {
  if (!error && !help && !stored) return null;
  return (
    <>
      {error && line('error', <strong>{error}</strong>)}
      {stored && line('stored', <><LockIcon sx={{ fontSize: 14 }} aria-hidden />{stored}</>)}
      {help && line('help', help)}
    </>
  );
}
