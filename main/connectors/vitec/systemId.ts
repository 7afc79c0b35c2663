/** Vitec's system id and sandbox URL, named once for the modules that stamp reports and pick the sandbox. */
import type { ConnectorContext } from '../context';
import type { SystemId } from '../types';

export const VITEC: SystemId = 'vitec';

export const sandboxUrlOf = (ctx: ConnectorContext): string | undefined => ctx.sandboxUrls?.vitec;
