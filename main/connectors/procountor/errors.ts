/**
 * Typed failures of the Procountor client, on the connectors' shared kit (../shared/errors.ts). A request
 * without any HTTP answer uses platform's NetworkError. None of these ever carries the API key, the client
 * secret or an access token: messages hold only what Procountor said and the HTTP status.
 */
import { VendorApiError, VendorParseError } from '../shared/errors';

/** One entry of Procountor's `{"errors":[{status, field, message}]}` body. */
export interface ProcountorErrorMessage {
  readonly status?: number;
  readonly field?: string;
  readonly message: string;
}

/** Procountor answered an API call with an error status. `errors` is empty when the body was not ErrorMessages. */
export class ProcountorApiError extends VendorApiError {
  constructor(
    httpStatus: number,
    readonly errors: ReadonlyArray<ProcountorErrorMessage>,
    /** The vendor's words for display: the messages joined, or a short excerpt of a foreign body. */
    verbatim: string,
    /** Milliseconds the server asked us to wait (429 Retry-After), when it said. */
    readonly retryAfterMs?: number,
  ) {
    super('procountor', httpStatus, verbatim, `Procountor HTTP ${httpStatus}${verbatim ? `: ${verbatim}` : ''}`);
    this.name = 'ProcountorApiError';
  }
}

/** Exopen's broker asked Procountor's token endpoint for us and Procountor gave it no usable answer. */
export class ProcountorBrokerUnreachableError extends Error {
  readonly code = 'E_PROCOUNTOR_BROKER_UNREACHABLE';

  constructor(readonly detail: string) {
    super(`Procountor did not answer Exopen's broker: ${detail}`);
    this.name = 'ProcountorBrokerUnreachableError';
  }
}

/** The token endpoint refused the exchange, with the OAuth error code (`invalid_grant`, `invalid_client`, …). */
export class ProcountorTokenError extends Error {
  readonly code = 'E_PROCOUNTOR_TOKEN';

  constructor(
    readonly httpStatus: number,
    /** The OAuth `error` value, or '' when the body had none. */
    readonly oauthError: string,
    /** The OAuth `error_description`, or an excerpt of whatever else the body said. */
    readonly description: string,
  ) {
    super(`Procountor token exchange refused (HTTP ${httpStatus}${oauthError ? `, ${oauthError}` : ''})${description ? `: ${description}` : ''}`);
    this.name = 'ProcountorTokenError';
  }

  get verbatim(): string {
    return [this.oauthError, this.description].filter(Boolean).join(': ');
  }
}

export type ParseProblem = 'empty' | 'not-json' | 'unexpected-shape';

/** A body that is not what Procountor sends (a proxy page, a truncated answer, the wrong host). */
export class ProcountorParseError extends VendorParseError<ParseProblem> {
  constructor(problem: ParseProblem, detail: string, httpStatus?: number) {
    super('procountor', problem, detail, httpStatus, 'Procountor');
    this.name = 'ProcountorParseError';
  }

  withStatus(httpStatus: number): ProcountorParseError {
    return new ProcountorParseError(this.problem, this.detail, httpStatus);
  }
}
