import {
  parseRateLimitHeader,
  errorFromStatus,
  parseRetryAfter,
  upstreamArgument,
} from '../../src/datasources/upstream-errors.js';

describe('upstreamArgument: the GraphQL argument an upstream 400/422 is about', () => {
  it.each([
    ['POST', 'user_id 7 has no running tracker in workspace 1', undefined, 'input.userId'],
    ['POST', 'contract_id 5 belongs to user 7, not to user_id 9', undefined, 'input.contractId'],
    [
      'POST',
      'activity_description must be at most 1000 characters, got 1001',
      undefined,
      'input.activityDescription',
    ],
    ['POST', 'task_id can only be given together with contract_id', undefined, 'input.taskId'],
    ['POST', 'workspace_id is required', undefined, 'input.workspaceId'],
    ['GET', 'workspace_id must be at least 1, got 0', undefined, 'workspaceId'],
    [
      'POST',
      'The given data was invalid.',
      { task_id: ['The selected task id is invalid.'] },
      'input.taskId',
    ],
    ['POST', 'Contract 5 is paused; time can only be booked on active contracts', undefined, 'input'],
    ['POST', 'per_page must be at most 100', undefined, 'input'],
    ['POST', undefined, undefined, 'input'],
    ['POST', 'my_user_idea is odd', undefined, 'input'],
  ])('%s "%s" %j → %s', (method, message, fieldErrors, argument) => {
    expect(upstreamArgument(method, message, fieldErrors)).toBe(argument);
  });

  it('errorFromStatus puts it on BAD_USER_INPUT, defaulting to input', () => {
    expect(errorFromStatus(422, 'x', { argument: 'input.userId' }).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input.userId',
    });
    expect(errorFromStatus(400, undefined).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input',
    });
  });
});

describe('errorFromStatus: the domain error of each upstream status', () => {
  it.each([
    [401, 'UNAUTHENTICATED', 'WebWork did not accept the token: expired'],
    [403, 'FORBIDDEN', 'Not allowed by WebWork: expired'],
    [404, 'NOT_FOUND', 'Not found in WebWork: expired'],
    [500, 'UPSTREAM_UNAVAILABLE', 'WebWork answered with an error (HTTP 500); try again shortly.'],
  ])('%i → %s, passing the upstream message on for 4xx only', (status, code, message) => {
    const error = errorFromStatus(status, 'expired');
    expect(error.extensions.code).toBe(code);
    expect(error.message).toBe(message);
  });

  it('429 → RATE_LIMITED, a minute unless the Retry-After said otherwise', () => {
    expect(errorFromStatus(429, undefined)).toMatchObject({
      message: 'WebWork rate limit reached for this token. Retry in 60 s.',
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 60 },
    });
    expect(errorFromStatus(429, undefined, { retryAfterSeconds: 5 }).extensions.retryAfterSeconds).toBe(5);
  });
});

describe('upstreamArgument with odd field errors', () => {
  it.each([null, 'task_id', ['task_id'], 42])('%j: falls back to the message', (fieldErrors) => {
    expect(upstreamArgument('POST', 'user_id 7 is unknown', fieldErrors)).toBe('input.userId');
  });
});

describe('parseRetryAfter: seconds or an HTTP date, a minute when unreadable', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it.each([
    [undefined, 60],
    ['', 60],
    ['17', 17],
    [' 17 ', 17],
    ['0', 1],
    [['5', '9'], 5],
    ['17abc', 60],
    ['abc17', 60],
    ['soon', 60],
    ['Thu, 01 Jan 2026 00:00:30 GMT', 30],
    ['Thu, 01 Jan 2026 00:00:00 GMT', 1],
    ['Wed, 31 Dec 2025 23:00:00 GMT', 1],
  ])('%j → %i s', (header, seconds) => {
    expect(parseRetryAfter(header as string | string[] | undefined, now)).toBe(seconds);
  });
});

describe('errorFromStatus: business-rule refusals of writes', () => {
  it.each([
    [400, 'POST'],
    [400, 'PUT'],
    [400, 'DELETE'],
    [409, 'POST'],
    [409, 'GET'],
  ])('%i on %s → UPSTREAM_REJECTED with the argument and the status', (status, method) => {
    const error = errorFromStatus(status, 'already approved', { method, argument: 'input.timesheetId' });
    expect(error.message).toBe('WebWork refused it: already approved');
    expect(error.extensions).toEqual({
      code: 'UPSTREAM_REJECTED',
      argument: 'input.timesheetId',
      upstreamStatus: status,
    });
    expect(errorFromStatus(status, undefined, { method }).extensions.argument).toBe('input');
    expect(errorFromStatus(status, undefined, { method }).message).toBe('WebWork refused it');
  });

  it('400 on a read, or with no method, is the input: BAD_USER_INPUT', () => {
    expect(errorFromStatus(400, 'bad date', { method: 'GET' }).extensions.code).toBe('BAD_USER_INPUT');
    expect(errorFromStatus(400, 'bad date').extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('parseRateLimitHeader: the limit WebWork announces (X-RateLimit-Limit, inferred)', () => {
  it.each([
    ['60', 60],
    [' 25 ', 25],
    [['30', '40'], 30],
    ['0', undefined],
    ['-5', undefined],
    ['12.5', undefined],
    ['many', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%j → %j', (header, limit) => {
    expect(parseRateLimitHeader(header as string | string[] | undefined)).toBe(limit);
  });
});
