import { CATALOGUE } from './index.js';
import { coverage, readTags, staleReadsTable } from './stale-reads.js';

/** `npm run catalogue`: the derived write→stale-reads table and the operation coverage, for review. */
const lines: string[] = ['# Reads and the tags they are filed under', ''];
for (const r of readTags(CATALOGUE)) lines.push(`- ${r.read}: ${r.tags.join(', ')}`);
lines.push('', '# Writes and events → the reads they make stale', '');
for (const row of staleReadsTable(CATALOGUE)) {
  lines.push(`- ${row.change} (${row.tags.join(', ')})`, ...row.reads.map((read) => `    → ${read}`));
}
const ops = coverage(CATALOGUE);
const covered = ops.filter((o) => o.operation !== null);
lines.push('', `# Coverage: ${covered.length} of ${ops.length} WebWork operations have a GraphQL path`, '');
for (const o of ops)
  lines.push(`- [${o.operation ? 'x' : ' '}] ${o.method} ${o.path}${o.operation ? ` (${o.operation})` : ''}`);
process.stdout.write(`${lines.join('\n')}\n`);
