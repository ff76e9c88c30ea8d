import {
  chooseEncoding,
  entityTag,
  ifNoneMatchMatches,
  statusForResponse,
} from '../../src/server/http-semantics.js';

describe('chooseEncoding (Accept-Encoding)', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['identity', undefined],
    ['gzip', 'gzip'],
    ['br', 'br'],
    ['gzip, deflate, br', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['br;q=0.5, gzip;q=0.9', 'gzip'],
    ['gzip;q=1.0, br;q=1.0', 'br'],
    ['BR', 'br'],
    ['*', 'br'],
    ['*;q=0.1, gzip', 'gzip'],
    ['gzip;q=0, br;q=0', undefined],
    ['*;q=0', undefined],
    ['br;q=0, *', 'gzip'],
    ['deflate', undefined],
  ])('%j → %s', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
});

describe('entity tags', () => {
  const json = 'application/json; charset=utf-8';
  it('are weak, and differ by body and by content type', () => {
    const tag = entityTag(json, '{"data":{}}');
    expect(tag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
    expect(entityTag(json, '{"data":{}}')).toBe(tag);
    expect(entityTag(json, '{"data":{"a":1}}')).not.toBe(tag);
    expect(entityTag('application/graphql-response+json; charset=utf-8', '{"data":{}}')).not.toBe(tag);
  });

  it('If-None-Match matches weakly, in lists, and with *', () => {
    const tag = 'W/"abc"';
    expect(ifNoneMatchMatches(undefined, tag)).toBe(false);
    expect(ifNoneMatchMatches('W/"abc"', tag)).toBe(true);
    expect(ifNoneMatchMatches('"abc"', tag)).toBe(true);
    expect(ifNoneMatchMatches('"x", W/"abc"', tag)).toBe(true);
    expect(ifNoneMatchMatches('*', tag)).toBe(true);
    expect(ifNoneMatchMatches('W/"abcd"', tag)).toBe(false);
  });
});

describe('statusForResponse (GraphQL over HTTP: request errors under application/json)', () => {
  const json = 'application/json; charset=utf-8';
  const errors = (...codes: string[]) =>
    JSON.stringify({ errors: codes.map((code) => ({ message: 'm', extensions: { code } })) });

  it.each([
    'GRAPHQL_PARSE_FAILED',
    'GRAPHQL_VALIDATION_FAILED',
    'BAD_USER_INPUT',
    'OPERATION_RESOLUTION_FAILURE',
    'QUERY_TOO_COMPLEX',
    'PERSISTED_QUERY_NOT_IN_LIST',
  ])('a 400 with %s under application/json is 200', (code) => {
    expect(statusForResponse(400, json, errors(code))).toBe(200);
  });

  it('keeps 400 for graphql-response+json, for malformed requests, and for anything not a 400', () => {
    expect(
      statusForResponse(
        400,
        'application/graphql-response+json; charset=utf-8',
        errors('GRAPHQL_PARSE_FAILED'),
      ),
    ).toBe(400);
    expect(statusForResponse(400, json, errors('BAD_REQUEST'))).toBe(400);
    expect(statusForResponse(400, json, errors('PERSISTED_QUERY_HASH_MISMATCH'))).toBe(400);
    expect(statusForResponse(400, json, errors('GRAPHQL_PARSE_FAILED', 'BAD_REQUEST'))).toBe(400);
    expect(statusForResponse(400, json, '{"errors":[]}')).toBe(400);
    expect(statusForResponse(400, json, 'not json')).toBe(400);
    expect(
      statusForResponse(
        400,
        json,
        JSON.stringify({ data: null, errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] }),
      ),
    ).toBe(400);
    expect(statusForResponse(405, json, errors('BAD_REQUEST'))).toBe(405);
    expect(statusForResponse(500, json, errors('GRAPHQL_PARSE_FAILED'))).toBe(500);
  });
});
