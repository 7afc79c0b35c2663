/**
 * renderer/index.html carries the renderer's CSP as a <meta> too (defence in depth for a page that reaches a
 * browser without the header, and what Electronegativity's CSP check reads). It must say exactly what the
 * header says (main/platform/csp.ts), less frame-ancestors, which a <meta> element cannot carry.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RENDERER_CSP } from '../../../main/platform/csp';

const html = readFileSync(join(__dirname, '..', '..', '..', 'renderer', 'index.html'), 'utf8');
const directives = (policy: string) => policy.split(';').map((directive) => directive.trim()).filter(Boolean);

describe('the CSP <meta> of renderer/index.html', () => {
  it('is the header policy without frame-ancestors', () => {
    const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)].map((match) => match[1]!);
    expect(metas).toHaveLength(1);
    expect(directives(metas[0]!)).toEqual(directives(RENDERER_CSP).filter((directive) => !directive.startsWith('frame-ancestors')));
  });

  it('comes before anything the page loads', () => {
    expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(html.search(/<script|<link/));
  });
});
