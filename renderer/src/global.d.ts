import type { Bridge } from '../../preload/contract';

declare global {
  interface Window {
    /** Present under Electron: the preload exposes the bridge here. Absent in the web host. */
    exopen?: Bridge;
  }

  /** Vite's build-time glob import (renderer/src/i18n.ts finds each system's locale this way). */
  interface ImportMeta {
    glob<T>(pattern: string, options: { readonly eager: true }): Record<string, T>;
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
