import { registerEnumType } from 'type-graphql';
import type { EnumTable } from '../../catalogue/enum-table.js';

/**
 * Registers an enum of the catalogue with the schema: its values and their descriptions come from
 * the one table that also holds the upstream spellings, so the three cannot drift apart.
 */
export function registerEnum<K extends string>(
  table: EnumTable<K, string | number>,
  name: string,
  description: string,
): void {
  registerEnumType(table.values, { name, description, valuesConfig: table.valuesConfig });
}
