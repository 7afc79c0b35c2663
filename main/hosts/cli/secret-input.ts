/**
 * Secrets for the CLI come from environment variables or a hidden prompt, never from argv (argv is visible
 * to every user of the machine in the process list and lands in shell history).
 */
import { stdin, stderr } from 'node:process';
import { secretEnvName } from '../../connectors/registry';
import type { SystemId } from '../../connectors/types';
import { registerSecret } from '../../platform/redact';

export const envNameFor = (system: SystemId, field: string) => secretEnvName(system, field);

/**
 * Registers a secret with the value redactor (platform/redact.ts), also without surrounding whitespace: the
 * connectors trim what they send.
 */
export function registerSecretValue(value: string | undefined): void {
  if (!value) return;
  registerSecret(value);
  if (value.trim() !== value) registerSecret(value.trim());
}

export async function readSecret(system: SystemId, field: string, label: string, env = process.env): Promise<string | undefined> {
  const fromEnv = env[envNameFor(system, field)];
  if (fromEnv) {
    registerSecretValue(fromEnv);
    return fromEnv;
  }
  if (!stdin.isTTY) return undefined;
  const typed = await promptHidden(`${label} (input hidden): `);
  registerSecretValue(typed);
  return typed;
}

function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    let value = '';
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') {
          finish();
          return resolve(value);
        }
        if (char === '\u0003') {
          finish();
          return reject(new Error('cancelled'));
        }
        value = char === '\u007f' ? value.slice(0, -1) : value + char;
      }
    };
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
    };
    stdin.on('data', onData);
  });
}
