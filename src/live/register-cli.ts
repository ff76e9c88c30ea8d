import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/config.js';
import { createGatewayCore } from '../gateway-core.js';
import { createLogger } from '../logging/logger.js';
import { registerWithToken } from './register-for.js';

const USAGE = `Usage: WEBWORK_TOKEN=<token> npm run webhooks:register -- --workspace <id> [--workspace <id> ...]

Registers this gateway's webhook receiver (PUBLIC_URL + WEBHOOK_PATH) with WebWork for every
documented event of each workspace, and stores what verifying deliveries needs in Redis (REDIS_URL;
the gateway instances must share it). Idempotent: run it again at will. The token must be an Owner's
or an Executive Manager's. Reads the gateway's own variables (WEBWORK_API_URL, REDIS_URL,
CACHE_PREFIX, PUBLIC_URL, WEBHOOK_PATH, ...).
`;

/**
 * `npm run webhooks:register`. Exit codes: 0 registered; 1 WebWork refused or failed (the reason
 * is printed); 2 bad usage or configuration (nothing was sent).
 */
async function main(): Promise<number> {
  let workspaces: number[];
  try {
    const { values } = parseArgs({
      options: { workspace: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    workspaces = (values.workspace ?? []).map(Number);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (workspaces.length === 0 || workspaces.some((id) => !Number.isSafeInteger(id) || id < 1)) {
    console.error(`--workspace must name a positive workspace id.\n\n${USAGE}`);
    return 2;
  }
  const token = process.env.WEBWORK_TOKEN;
  if (!token) {
    console.error(`WEBWORK_TOKEN must hold an Owner's or Executive Manager's WebWork token.\n\n${USAGE}`);
    return 2;
  }
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`Configuration error: ${error.message}`);
    return 2;
  }
  if (!config.webworkApiUrl) {
    console.error(
      'WEBWORK_API_URL is not set: the default demo run registers with its embedded simulator by itself (npm start).',
    );
    return 2;
  }
  if (!config.redisUrl) {
    console.warn(
      'REDIS_URL is not set: the registration is kept by this command only, and lost when it exits.',
    );
  }
  const core = await createGatewayCore(config, config.webworkApiUrl, createLogger({ level: 'warn' }));
  core.live.listeningAt(`http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`);
  let failed = false;
  for (const workspaceId of workspaces) {
    try {
      const shown = await registerWithToken(core.live, token, workspaceId, config.cache.keySecret);
      console.log(JSON.stringify(shown));
    } catch (error) {
      failed = true;
      const code = (error as { extensions?: { code?: string } }).extensions?.code ?? 'ERROR';
      console.error(`workspace ${workspaceId}: ${code}: ${(error as Error).message}`);
    }
  }
  await core.close();
  return failed ? 1 : 0;
}

void main().then((code) => process.exit(code));
