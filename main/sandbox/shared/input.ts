/**
 * Reading what a caller sends a simulator: bodies capped at 64 KiB, JSON admin bodies, and zod-checked
 * admin input. A bad call throws SimulatorInputError, which each simulator's admin answers with 400 and
 * the message, so the caller learns what to fix.
 */
import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';

/** A bad admin call (unknown customer, scenario, domain, area…); the message says which. */
export class SimulatorInputError extends Error {
  readonly code = 'E_SIMULATOR_INPUT';
}

const MAX_BODY = 64 * 1024;

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new SimulatorInputError('request body over 64 KiB');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The body as JSON; an empty body reads as `{}`. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  try {
    return text ? (JSON.parse(text) as unknown) : {};
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw new SimulatorInputError(`body is not JSON: ${error.message}`);
  }
}

/** The value as the schema types it, or every problem named by its path. */
export function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
  throw new SimulatorInputError(problems.join('; '));
}
