import { writeFile } from 'node:fs/promises';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildGatewaySchema } from './build-schema.js';

/** The committed SDL: sorted, so the file only changes when the schema does. */
export const printGatewaySchema = (schema: GraphQLSchema) =>
  `# Generated from the code-first schema by \`npm run schema:emit\`. Do not edit by hand.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;

if (process.argv[1]?.endsWith('emit-schema.js')) {
  const target = process.argv[2] ?? 'schema.graphql';
  await writeFile(target, printGatewaySchema(await buildGatewaySchema()));
  process.stdout.write(`wrote ${target}\n`);
}
