import { GraphQLScalarType, Kind } from 'graphql';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || !ISO_DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
    throw new TypeError(
      `DateTime expects an ISO 8601 date-time with a zone, e.g. 2024-01-15T10:30:00Z; got ${JSON.stringify(value)}`,
    );
  }
  return new Date(value);
}

/**
 * An instant, always serialised as ISO 8601 UTC (`2024-01-15T10:30:00.000Z`), whatever spelling
 * WebWork used (the datasources normalise; see datasources/dates.ts). Input accepts any ISO 8601
 * date-time with a zone.
 */
export const DateTimeScalar = new GraphQLScalarType<Date | string, string>({
  name: 'DateTime',
  description: 'An ISO 8601 date-time in UTC, e.g. 2024-01-15T10:30:00.000Z.',
  serialize(value) {
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new TypeError(`DateTime cannot represent ${String(value)}`);
    return date.toISOString();
  },
  parseValue: parseDateTime,
  parseLiteral(ast): Date {
    if (ast.kind !== Kind.STRING) throw new TypeError('DateTime expects a string literal');
    return parseDateTime(ast.value);
  },
});
