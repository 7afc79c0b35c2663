import { createTheme } from '@mui/material/styles';

/** People (and end-to-end tests) who ask for reduced motion get no animations at all. */
const reducedMotion = typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;

/**
 * A calm, professional theme. Warning and info are darker than MUI's defaults so text in those colours
 * keeps a 4.5:1 contrast on white (axe checks it).
 */
export const theme = createTheme({
  palette: {
    primary: { main: '#1f4e79' },
    secondary: { main: '#0f766e' },
    warning: { main: '#a0520a', contrastText: '#ffffff' },
    info: { main: '#0b5f8a', contrastText: '#ffffff' },
    success: { main: '#1b6e20', contrastText: '#ffffff' },
    error: { main: '#c62828', contrastText: '#ffffff' },
    background: { default: '#f5f7fa' },
  },
  shape: { borderRadius: 8 },
  typography: {
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    h1: { fontSize: '1.6rem', fontWeight: 600 },
    h2: { fontSize: '1.15rem', fontWeight: 600 },
    button: { textTransform: 'none', fontWeight: 600 },
  },
  ...(reducedMotion ? { transitions: { create: () => 'none' } } : {}),
  components: {
    MuiButtonBase: {
      defaultProps: { disableRipple: reducedMotion },
      styleOverrides: {
        root: {
          '&.Mui-focusVisible': { outline: '3px solid #f59e0b', outlineOffset: 2 },
        },
      },
    },
  },
});

export const MONOSPACE = 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace';
