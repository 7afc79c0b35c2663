/** The app version, injected at build time by esbuild `define`; falls back for tsx/vitest runs. */
declare const __APP_VERSION__: string | undefined;
export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.1.0-dev';
