import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import { useTranslation } from 'react-i18next';
import { useActions } from '../../store';

/** The signed-in user's name; its menu says who that is and holds Sign out. */
export function UserMenu({ user }: { user: { readonly name: string; readonly email: string } }) {
  const { t } = useTranslation();
  const { signOut } = useActions();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const open = anchor !== null;

  return (
    <>
      <Button
        id="session-user"
        color="inherit"
        startIcon={<AccountCircleIcon aria-hidden />}
        endIcon={<ArrowDropDownIcon aria-hidden />}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? 'session-menu' : undefined}
        onClick={(event) => setAnchor(event.currentTarget)}
        data-testid="session-user"
        sx={{ maxWidth: 260 }}
      >
        <Box component="span" sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {user.name}
        </Box>
      </Button>
      <Menu
        id="session-menu"
        anchorEl={anchor}
        open={open}
        onClose={() => setAnchor(null)}
        disablePortal
        slotProps={{ list: { 'aria-labelledby': 'session-user' } }}
        data-testid="session-menu"
      >
        <Box sx={{ px: 2, py: 1 }}>
          <Typography variant="body2" color="text.secondary">
            {t('header.signedInAs', { email: user.email })}
          </Typography>
        </Box>
        <MenuItem
          onClick={() => {
            setAnchor(null);
            void signOut();
          }}
          data-testid="signout"
        >
          {t('header.signOut')}
        </MenuItem>
      </Menu>
    </>
  );
}
