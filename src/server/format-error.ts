import { GraphQLError, Kind, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ERROR_CODES, GatewayError } from '../errors/gateway-error.js';
import type { Logger } from '../logging/logger.js';
import { persistedQueryRequestError } from './persisted-queries.js';

/** Codes Apollo itself raises for bad requests; they are the client's to see. */
const APOLLO_CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);
const GATEWAY_CODES: ReadonlySet<string> = new Set(ERROR_CODES);
/** Extensions a client may see; anything else (upstream status, internals) is dropped. */
const PUBLIC_EXTENSIONS = [
  'code',
  'argument',
  'operation',
  'retryAfterSeconds',
  'limit',
  'maximum',
  'measured',
] as const;

/**
 * Domain → client: the second and last place errors are mapped. Gateway errors and Apollo's
 * request errors pass with their code and public extensions; everything else is masked as
 * INTERNAL_SERVER_ERROR and logged (with the path, never the caller's token).
 */
export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    let original = unwrapResolverError(error);
    // Apollo's own persisted-query refusals carry no code; they are the client's (see persisted-queries.ts).
    const persisted = persistedQueryRequestError(original);
    if (persisted) return { message: persisted.message, extensions: { code: persisted.code } };
    // A gateway error reported by a validation rule arrives wrapped by Apollo as
    // GRAPHQL_VALIDATION_FAILED; its own code (e.g. QUERY_TOO_COMPLEX) is the one clients switch on.
    const wrapped = original instanceof GraphQLError ? original.originalError : undefined;
    if (!(original instanceof GatewayError) && wrapped instanceof GatewayError) {
      original = wrapped;
      formatted = { ...formatted, extensions: { ...formatted.extensions, ...wrapped.extensions } };
    }
    const code = String(formatted.extensions?.code ?? '');
    const known =
      original instanceof GatewayError ||
      (GATEWAY_CODES.has(code) && code !== 'INTERNAL_SERVER_ERROR') ||
      APOLLO_CLIENT_CODES.has(code);
    if (known && !(original instanceof GatewayError && original.code === 'INTERNAL_SERVER_ERROR')) {
      const extensions: Record<string, unknown> = Object.fromEntries(
        PUBLIC_EXTENSIONS.filter((k) => formatted.extensions?.[k] !== undefined).map((k) => [
          k,
          formatted.extensions![k],
        ]),
      );
      if (code === 'BAD_USER_INPUT' && extensions.argument === undefined && formatted.path === undefined) {
        const variable = coercedVariable(original, formatted.message);
        if (variable !== undefined) extensions.argument = variable;
      }
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error while resolving');
    return {
      message:
        'Internal server error. It has been logged; if it persists, report the time and the operation.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/**
 * The variable a request-level BAD_USER_INPUT is about ("Variable \"$ws\" got invalid value …",
 * "Variable \"$ws\" of required type \"Int!\" was not provided."), without the `$`. graphql-js
 * attaches the variable definition as the error's node; graphql-jit attaches none, so the message
 * (graphql-js wording, which both use) is the fallback.
 */
function coercedVariable(error: unknown, message: string): string | undefined {
  if (error instanceof GraphQLError && error.path === undefined) {
    const definition = error.nodes?.find((node) => node.kind === Kind.VARIABLE_DEFINITION);
    if (definition?.kind === Kind.VARIABLE_DEFINITION) return definition.variable.name.value;
  }
  return /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)"/.exec(message)?.[1];
}
