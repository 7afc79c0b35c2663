#!/usr/bin/env node
// Runs the built CLI (npm run build, which `npm ci` does through "prepare").
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/index.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('exopen-connect is not built yet: run `npm run build` in the project folder.\n');
  process.exit(1);
}
await import(entry.href);
