/**
 * bench/renderer-size: the renderer's initial JavaScript (the scripts index.html loads, plus their
 * modulepreloads), raw and gzipped. Run after `npm run build`. Prints figures; asserts nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = 'dist/renderer';
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const scripts = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]!);
let raw = 0;
let gzipped = 0;
for (const script of scripts) {
  const body = readFileSync(join(dir, script));
  const gz = gzipSync(body, { level: 9 }).length;
  raw += body.length;
  gzipped += gz;
  console.log(`${script}: ${(body.length / 1024).toFixed(1)} KiB raw, ${(gz / 1024).toFixed(1)} KiB gzip`);
}
console.log(`initial JavaScript: ${(raw / 1024).toFixed(1)} KiB raw, ${(gzipped / 1024).toFixed(1)} KiB gzip (${scripts.length} files)`);
