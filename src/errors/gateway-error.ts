import { GraphQLError } from 'graphql';

/**
 * The stable `extensions.code` values clients may switch on. Anything else that reaches
 * `formatError` is masked as INTERNAL_SERVER_ERROR.
 */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  /**
   * WebWork refused a write under its business rules (approving an approved timesheet, starting a
   * running tracker, a duplicate contract): the input was well-formed, the object's state says no.
   * Extensions: `operation` (the mutation), `argument`.
   */
  'UPSTREAM_REJECTED',
  'RATE_LIMITED',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_TIMEOUT',
  /** A request refused before execution for asking too much work (extensions: limit, maximum, measured). */
  'QUERY_TOO_COMPLEX',
  /** A mutation not run because an earlier one in the same operation failed. */
  'MUTATION_SKIPPED',
  /** A subscription refused: the connection or the token already holds the most allowed (extensions: limit, maximum). */
  'TOO_MANY_SUBSCRIPTIONS',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * A domain error with a client-safe message. Built only at the two seams (upstream client, input
 * validation); resolvers let it propagate so GraphQL puts it on the failing field's path.
 */
export class GatewayError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
    this.name = 'GatewayError';
  }

  get code(): ErrorCode {
    return this.extensions.code as ErrorCode;
  }
}

export const badUserInput = (argument: string, message: string) =>
  new GatewayError('BAD_USER_INPUT', message, { argument });

export const unauthenticated = () =>
  new GatewayError(
    'UNAUTHENTICATED',
    'Send your WebWork token as "Authorization: Bearer <token>" (a Personal Access Token or OAuth access token).',
  );

export const rateLimited = (retryAfterSeconds: number, reason: string) =>
  new GatewayError('RATE_LIMITED', `${reason} Retry in ${retryAfterSeconds} s.`, { retryAfterSeconds });

/** Which per-request limit a QUERY_TOO_COMPLEX refusal names (`extensions.limit`). */
export type QueryLimitName = 'tokens' | 'depth' | 'aliases' | 'directives' | 'cost';

/**
 * A document refused before execution because it asks for more work than the gateway allows:
 * HTTP 400, `extensions.limit` names the limit, `maximum` its value, `measured` what came.
 */
export const queryTooComplex = (
  limit: QueryLimitName,
  maximum: number,
  measured: number,
  variable: string,
  what: string,
) =>
  new GatewayError(
    'QUERY_TOO_COMPLEX',
    `The query's ${what} is ${measured}, over the limit of ${maximum} (${variable}). Ask for less in one request: split it, or ask for fewer items (first) or fields.`,
    { limit, maximum, measured, http: { status: 400 } },
  );

/** An argument refused before execution (HTTP 400, no upstream call). */
export const badUserInputBeforeExecution = (argument: string, message: string) =>
  new GatewayError('BAD_USER_INPUT', message, { argument, http: { status: 400 } });
