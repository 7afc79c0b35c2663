import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The renderer: built once, loaded by Electron from app:// and by the web host from 127.0.0.1. */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
});
