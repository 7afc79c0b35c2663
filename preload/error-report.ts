/**
 * What a renderer failure report (`app.logError`) may carry, as plain data: contract.ts builds the zod schema
 * from it and the renderer clips its reports to it before sending, so an over-long stack is shortened rather
 * than refused. No zod here, so the renderer bundle can import it.
 */

/** Where a report comes from: the app's error boundary, React's root hooks, or the window's own events. */
export const ERROR_SOURCES = ['boundary', 'uncaught', 'caught', 'recoverable', 'window', 'rejection'] as const;
export type ErrorSource = (typeof ERROR_SOURCES)[number];

/** Upper bounds, in characters, of each text of a report. */
export const ERROR_REPORT_LIMITS = {
  name: 100,
  message: 2000,
  stack: 8000,
  componentStack: 8000,
} as const;
