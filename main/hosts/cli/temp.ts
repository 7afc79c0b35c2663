import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A private scratch data directory for commands that start an in-process sandbox. */
export const tempDataDir = () => mkdtemp(join(tmpdir(), 'exopen-connect-'));
