import { GRAPHQL_PATHS } from './graphql-paths.js';
import type { Operation } from './operation.js';
import { coverage } from './stale-reads.js';

/**
 * `docs/coverage.md`: every WebWork operation (the 70 of both doc sets) with the catalogue
 * operation that calls it and the GraphQL fields or mutations that reach it. Generated
 * (`npm run coverage:doc`); a test fails when the committed file differs from this.
 */
export function coverageMarkdown(catalogue: readonly Operation[]): string {
  const rows = coverage(catalogue);
  const covered = rows.filter((row) => row.operation !== null).length;
  const lines = [
    '# Coverage of the WebWork REST API V2',
    '',
    'Generated from the operation catalogue (`src/catalogue`) by `npm run coverage:doc`; a test fails',
    'when this file is out of date or an operation has no GraphQL path.',
    '',
    `${covered} of ${rows.length} operations are reached from GraphQL.`,
    '',
    '| method | path | catalogue operation | reached from GraphQL by |',
    '| ------ | ---- | ------------------- | ----------------------- |',
  ];
  for (const row of rows) {
    const paths = row.operation ? (GRAPHQL_PATHS[row.operation] ?? []) : [];
    const reached = paths.length > 0 ? paths.map((p) => `\`${p}\``).join(', ') : '**not reached**';
    lines.push(
      `| ${row.method} | \`${row.path}\` | ${row.operation ? `\`${row.operation}\`` : '—'} | ${reached} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}
