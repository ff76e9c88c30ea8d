import { describeListenError } from '../net/listen-error.js';
import { parseSimulatorArgs } from './options.js';
import { startSimulator } from './server.js';
import { DEMO_TOKENS } from './state/demo-tokens.js';
import { simulatorHelp } from './usage.js';

/** `npm run simulator -- --port 4010 [--profile docs-exact --seed N --latency-ms N --rate-limit N ...]` */
async function main() {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(simulatorHelp());
    return;
  }
  let parsed;
  try {
    parsed = parseSimulatorArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`simulator: ${(error as Error).message}`);
    process.exit(2);
  }
  let simulator;
  try {
    simulator = await startSimulator({ ...parsed.options, port: parsed.port, host: parsed.host });
  } catch (error) {
    const where = { host: parsed.host, port: parsed.port, hostName: '--host', portName: '--port' };
    const line = describeListenError(error, where);
    if (!line) throw error;
    console.error(`simulator: ${line}`);
    process.exit(1);
  }
  console.log(`WebWork REST API V2 simulator listening on ${simulator.apiUrl}`);
  console.log(
    `Profile: ${simulator.profile.name} (--profile lenient|docs-exact; see src/simulator/README.md)`,
  );
  console.log('Demo tokens (send as "Authorization: Bearer <token>"):');
  console.log(`  ${DEMO_TOKENS.owner.padEnd(14)} owner of workspace 1`);
  console.log(`  ${DEMO_TOKENS.manager.padEnd(14)} executive manager of workspace 1`);
  console.log(`  ${DEMO_TOKENS.member.padEnd(14)} regular user of workspace 1`);
  console.log(`  ${DEMO_TOKENS.owner2.padEnd(14)} owner of workspace 2 (not in workspace 1)`);
  console.log(`  demo-user-<id>  any seeded user, e.g. demo-user-110`);
  console.log(`Try: curl -H 'Authorization: Bearer demo-owner' '${simulator.apiUrl}/members?workspace_id=1'`);
  const stop = () => void simulator.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
