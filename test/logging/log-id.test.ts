import { createHash, createHmac } from 'node:crypto';
import { callerScope } from '../../src/cache/keys.js';
import { callerLogId, keyForLog } from '../../src/logging/log-id.js';
import { createLogger } from '../../src/logging/logger.js';

describe('callerLogId', () => {
  const token = 'a-personal-access-token';
  const sha256 = createHash('sha256').update(token).digest('hex');

  it('without a secret: stable within the process, unrelated to the plain SHA-256 (the cache scope)', () => {
    const id = callerLogId(token);
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(callerLogId(token)).toBe(id);
    expect(callerLogId('another-token')).not.toBe(id);
    expect(sha256).not.toContain(id.slice(0, 8));
    expect(callerScope(token).logId).toBe(id);
    expect(callerScope(token).id).not.toContain(id.slice(0, 8));
  });

  it('with CACHE_KEY_SECRET: the same on every instance, and still not the cache scope', () => {
    const id = callerLogId(token, 's3cret');
    expect(callerLogId(token, 's3cret')).toBe(id);
    expect(callerLogId(token, 'other')).not.toBe(id);
    expect(id).not.toBe(callerLogId(token));
    expect(createHmac('sha256', 's3cret').update(token).digest('hex')).not.toContain(id.slice(0, 8));
    expect(callerScope(token, 's3cret').logId).toBe(id);
  });
});

describe('keyForLog', () => {
  it('drops the caller scope of a cache key, with or without the store namespace', () => {
    const key = `u:${callerScope('t').id}:members:workspace_id=1`;
    expect(keyForLog(key)).toBe('u:*:members:workspace_id=1');
    expect(keyForLog(`wwgw:v3:${key}`)).toBe('wwgw:v3:u:*:members:workspace_id=1');
    expect(keyForLog('workspaces')).toBe('workspaces');
  });
});

describe('createLogger redaction', () => {
  it('censors an authorization header inside a logged got error', () => {
    const lines: string[] = [];
    const logger = createLogger({ destination: { write: (line: string) => void lines.push(line) } });
    const err = Object.assign(new Error('boom'), {
      options: { headers: { authorization: 'Bearer a-personal-access-token' } },
    });
    logger.error({ err }, 'unexpected upstream failure');
    logger.error({ err: Object.assign(new Error('wrapped'), { cause: err }) }, 'wrapped');
    expect(lines.join('\n')).not.toContain('a-personal-access-token');
    expect(lines[0]).toContain('[redacted]');
  });
});
