import { GatewayError, rateLimited } from '../errors/gateway-error.js';

/**
 * Upstream → domain error table: the first of the two places errors are mapped. Client-visible
 * messages never contain upstream URLs, bodies or stack traces; for 4xx the upstream's own
 * `message` is passed on because it names the offending parameter (the simulator's and the real
 * API's messages are written for people), for 5xx a generic text is used. A 400/409/422 carries
 * `argument` (see `upstreamArgument`).
 *
 * Input or business rule, by class (REFERENCE §5; GAPS G6: "when 400 vs 422 is used is
 * unclear"): 422 is "validation errors" → BAD_USER_INPUT. 400 is "bad request or business-rule
 * failure" (its examples: start while running, stop while idle, approving a timesheet that is not
 * submitted); the gateway checks the shape of every write's input before sending it, so a 400 on
 * a write (and a 409, never documented but the usual conflict status) is WebWork's business rule:
 * UPSTREAM_REJECTED. A 400 on a read is about its parameters: BAD_USER_INPUT.
 */
export function errorFromStatus(
  status: number,
  upstreamMessage: string | undefined,
  options: { retryAfterSeconds?: number; argument?: string; method?: string; limitPerMinute?: number } = {},
): GatewayError {
  const detail = upstreamMessage ? `: ${upstreamMessage}` : '';
  const write = options.method !== undefined && options.method !== 'GET';
  if (status === 409 || (status === 400 && write)) {
    return new GatewayError('UPSTREAM_REJECTED', `WebWork refused it${detail}`, {
      argument: options.argument ?? 'input',
      upstreamStatus: status,
    });
  }
  switch (status) {
    case 400:
    case 422:
      return new GatewayError('BAD_USER_INPUT', `WebWork rejected the request${detail}`, {
        argument: options.argument ?? 'input',
        upstreamStatus: status,
      });
    case 401:
      return new GatewayError('UNAUTHENTICATED', `WebWork did not accept the token${detail}`);
    case 403:
      return new GatewayError('FORBIDDEN', `Not allowed by WebWork${detail}`);
    case 404:
      return new GatewayError('NOT_FOUND', `Not found in WebWork${detail}`);
    case 429:
      // The limit is named only when WebWork said it (`X-RateLimit-Limit`, inferred header,
      // REFERENCE §4 rate limits): a number copied from the docs would be wrong on any other plan.
      return rateLimited(
        options.retryAfterSeconds ?? 60,
        options.limitPerMinute === undefined
          ? 'WebWork rate limit reached for this token.'
          : `WebWork rate limit reached (${options.limitPerMinute} requests per minute for this token).`,
      );
    default:
      return new GatewayError(
        'UPSTREAM_UNAVAILABLE',
        `WebWork answered with an error (HTTP ${status}); try again shortly.`,
        {
          upstreamStatus: status,
        },
      );
  }
}

/**
 * Upstream (snake_case) parameters the gateway sends, by the GraphQL name they come from: the
 * arguments of the reads (`workspace(workspaceId:)`, `member(userId:)` …) and the fields of the
 * mutations' `input` (StartTrackingInput, StopTrackingInput).
 */
const UPSTREAM_FIELDS: Readonly<Record<string, string>> = {
  workspace_id: 'workspaceId',
  user_id: 'userId',
  contract_id: 'contractId',
  task_id: 'taskId',
  project_id: 'projectId',
  activity_description: 'activityDescription',
};
const FIELD_PATTERN = new RegExp(`\\b(${Object.keys(UPSTREAM_FIELDS).join('|')})\\b`);

/**
 * The GraphQL argument an upstream 400/422 is about, named as the gateway's own checks name it:
 * `input.<field>` for a mutation (every mutation takes one `input`), `<argument>` for a read.
 * Where the upstream says which parameter it rejects: a field-level `errors` object (Laravel
 * style; not documented, GAPS G6, but cheap to honour), else the first parameter its message
 * names (the simulator's and the API's messages start with it, e.g. "contract_id … belongs to user
 * 7, not to user_id 9"). A parameter the gateway does not send, or none, gives `input`.
 */
export function upstreamArgument(
  method: string,
  upstreamMessage: string | undefined,
  fieldErrors?: unknown,
): string {
  const fields =
    fieldErrors && typeof fieldErrors === 'object' && !Array.isArray(fieldErrors)
      ? Object.keys(fieldErrors)
      : [];
  const upstreamName =
    fields.find((field) => field in UPSTREAM_FIELDS) ?? FIELD_PATTERN.exec(upstreamMessage ?? '')?.[1];
  if (upstreamName === undefined) return 'input';
  const name = UPSTREAM_FIELDS[upstreamName]!;
  return method === 'GET' ? name : `input.${name}`;
}

export const upstreamTimeout = (timeoutMs: number) =>
  new GatewayError('UPSTREAM_TIMEOUT', `WebWork did not answer within ${timeoutMs} ms; try again shortly.`);

export const upstreamUnreachable = () =>
  new GatewayError('UPSTREAM_UNAVAILABLE', 'WebWork could not be reached; try again shortly.');

/** `Retry-After` is seconds or an HTTP date; anything unreadable falls back to a minute. */
export function parseRetryAfter(header: string | string[] | undefined, now = Date.now()): number {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return 60;
  if (/^\d+$/.test(value.trim())) return Math.max(1, Number(value));
  const at = Date.parse(value);
  return Number.isNaN(at) ? 60 : Math.max(1, Math.ceil((at - now) / 1000));
}

/** `X-RateLimit-Limit` as a positive whole number, or undefined when absent or unreadable. */
export function parseRateLimitHeader(value: string | string[] | undefined): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined || !/^\d+$/.test(raw.trim())) return undefined;
  const limit = Number(raw.trim());
  return limit > 0 ? limit : undefined;
}
