import { useState } from 'react';
import IconButton from '@mui/material/IconButton';
import SettingsIcon from '@mui/icons-material/Settings';
import { useTranslation } from 'react-i18next';
import { SettingsDialog } from './SettingsDialog';

/** The gear in the header; the dialog remounts on every opening, so it starts from the saved settings. */
export function SettingsButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(0);
  return (
    <>
      <IconButton
        color="inherit"
        aria-label={t('header.settings')}
        onClick={() => {
          setOpened((n) => n + 1);
          setOpen(true);
        }}
        data-testid="settings-open"
      >
        <SettingsIcon aria-hidden />
      </IconButton>
      <SettingsDialog key={opened} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
