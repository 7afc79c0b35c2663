import type { Bridge } from '../../preload/contract';

declare global {
  interface Window {
    /** Present under Electron: the preload exposes the bridge here. Absent in the web host. */
    exopen?: Bridge;
  }
}

export {};

declare module '@mui/material/Checkbox' {
  /** Lets tests find a checkbox's native input by data-testid. */
  interface CheckboxInputSlotPropsOverrides {
    'data-testid'?: string;
  }
}

declare module '@mui/material/Radio' {
  /** Lets tests find a radio's native input by data-testid. */
  interface RadioInputSlotPropsOverrides {
    'data-testid'?: string;
  }
}
