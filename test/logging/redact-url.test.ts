import { redactUrl } from '../../src/logging/redact-url.js';

describe('redactUrl', () => {
  it.each([
    ['http://user:pa55@api.example.com/api/v2', 'http://***@api.example.com/api/v2'],
    ['redis://:pa55@127.0.0.1:6379/0', 'redis://***@127.0.0.1:6379/0'],
    ['rediss://default@redis.internal:6380', 'rediss://***@redis.internal:6380'],
    [
      'https://api.example.com/api/v2?access_token=t0k&page=2&API-KEY=k3y',
      'https://api.example.com/api/v2?access_token=***&page=2&API-KEY=***',
    ],
  ])('%s → %s', (raw, redacted) => {
    expect(redactUrl(raw)).toBe(redacted);
  });

  it('leaves a URL without credentials exactly as written', () => {
    expect(redactUrl('http://127.0.0.1:4010/api/v2')).toBe('http://127.0.0.1:4010/api/v2');
    expect(redactUrl('https://api.example.com/api/v2?page=2')).toBe('https://api.example.com/api/v2?page=2');
  });

  it('also redacts a string that does not parse as a URL', () => {
    expect(redactUrl('http://user:pa55@bad host/x?token=t0k')).toBe('http://***@bad host/x?token=***');
  });
});
