import { GraphQLScalarType, Kind } from 'graphql';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isCalendarDate = (value: string) =>
  DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isCalendarDate(value)) {
    throw new TypeError(`Date expects YYYY-MM-DD, e.g. 2024-01-15; got ${JSON.stringify(value)}`);
  }
  return value;
}

/** A calendar date `Y-m-d` (`2024-01-15`), as WebWork uses for days and periods. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD, e.g. 2024-01-15.',
  serialize(value) {
    const text = String(value).slice(0, 10);
    if (!isCalendarDate(text)) throw new TypeError(`Date cannot represent ${String(value)}`);
    return text;
  },
  parseValue: parseDate,
  parseLiteral(ast): string {
    if (ast.kind !== Kind.STRING) throw new TypeError('Date expects a string literal');
    return parseDate(ast.value);
  },
});
