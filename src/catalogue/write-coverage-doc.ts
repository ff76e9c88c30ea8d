import { writeFileSync } from 'node:fs';
import { coverageMarkdown } from './coverage-doc.js';
import { CATALOGUE } from './index.js';

/** `npm run coverage:doc [path]`: writes docs/coverage.md (or `path`). */
const target = process.argv[2] ?? 'docs/coverage.md';
writeFileSync(target, coverageMarkdown(CATALOGUE));
process.stdout.write(`wrote ${target}\n`);
