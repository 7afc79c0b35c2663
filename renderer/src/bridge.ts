/** The one bridge the renderer talks to: Electron's preload object when present, else the web host's. */
import { createBridge } from '../../preload/bridge';
import type { Bridge } from '../../preload/contract';
import { webTransport } from './webTransport';

export const bridge: Bridge = window.exopen ?? createBridge(webTransport);
