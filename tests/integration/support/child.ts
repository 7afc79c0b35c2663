/** Runs a TypeScript fixture in a fresh Node process (through tsx) with exactly the environment given. */
import { spawn } from 'node:child_process';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

export interface ChildResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runFixture(
  fixture: string,
  env: NodeJS.ProcessEnv,
  options: {
    stdin?: string;
    onStdoutLine?: (line: string, kill: () => void) => void;
    /** Start the child in its own, empty D-Bus session (no keyring unlocked in it). */
    viaDbusRunSession?: boolean;
  } = {},
): Promise<ChildResult> {
  const node = [process.execPath, '--import', 'tsx', path.join(REPO_ROOT, 'tests', 'integration', 'fixtures', fixture)];
  const [command, ...args] = options.viaDbusRunSession ? ['dbus-run-session', '--', ...node] : node;
  return new Promise((resolve, reject) => {
    const child = spawn(command ?? process.execPath, args, {
      cwd: REPO_ROOT,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let pending = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) options.onStdoutLine?.(line, () => child.kill('SIGKILL'));
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

/** Only what a Node process needs, so nothing from the test runner's environment leaks into the child. */
export function minimalEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, LANG: 'C.UTF-8', ...extra };
}
