import {
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
} from 'graphql';
import type { Prng } from '../prng.js';

/** A random argument value: mostly plausible, sometimes hostile (huge, negative, wrong type, null). */
export type FuzzValue =
  | { kind: 'scalar'; value: string | number | boolean | null; raw?: string }
  | { kind: 'enum'; value: string }
  | { kind: 'list'; items: FuzzValue[] }
  | { kind: 'object'; fields: [string, FuzzValue][] };

const IDS = [1, 2, 3, 101, 102, 105, 149, 150, 201, 1001, 1003, 1020, 5001, 5002, 5050, 9001];
const INTS: (number | string)[] = [
  0,
  -1,
  -2147483648,
  2147483647,
  100,
  101,
  1000,
  2147483648,
  -9007199254740991,
  '9007199254740993',
  '1e3',
  '0x10',
  '99999999999999999999',
];
const FLOATS: (number | string)[] = [0, 1.5, -0.0001, 1e308, -1e308, '1e400', 3.14159];

function hugeString(random: Prng): string {
  const length = random.pick([1_000, 10_000, 100_000, 300_000]);
  return random.pick(['a', 'é', 'x"y', '\\', ' ']).repeat(length).slice(0, length);
}

function randomText(random: Prng): string {
  if (random.chance(0.06)) return hugeString(random);
  return random.pick([
    '',
    'a',
    'Reviewing',
    'alice@example.com',
    "' OR 1=1 --",
    '<script>alert(1)</script>',
    '%00%0d%0a',
    '\u0000\u0001',
    'ünïcödé ☃',
    '{"$gt": ""}',
    '${jndi:ldap://x}',
    String(random.int(-1e6, 1e6)),
  ]);
}

/** Cursors: valid-looking, broken, hostile. */
function randomCursor(random: Prng): string {
  return random.pick([
    '',
    'abc',
    '!!!',
    Buffer.from('arrayconnection:5').toString('base64'),
    Buffer.from('{"offset":-1}').toString('base64'),
    Buffer.from('{"offset":1e12}').toString('base64'),
    Buffer.from(`cursor:${random.int(-5, 500)}`).toString('base64'),
    Buffer.from('x'.repeat(5000)).toString('base64'),
    'MTA=',
    'bnVsbA==',
  ]);
}

/** A value for `type`; `argName` steers plausible choices (ids, cursors, page sizes). */
export function inputValue(type: GraphQLInputType, argName: string, random: Prng): FuzzValue {
  if (random.chance(0.04)) return { kind: 'scalar', value: null };
  if (random.chance(0.04)) {
    // The wrong type altogether.
    return random.pick<FuzzValue>([
      { kind: 'scalar', value: 'not-a-number' },
      { kind: 'scalar', value: 12 },
      { kind: 'scalar', value: true },
      { kind: 'list', items: [{ kind: 'scalar', value: 1 }] },
      { kind: 'object', fields: [['x', { kind: 'scalar', value: 1 }]] },
    ]);
  }
  const nullable = isNonNullType(type) ? getNullableType(type) : type;
  if (isListType(nullable)) {
    const items = Array.from({ length: random.int(0, 3) }, () =>
      inputValue(nullable.ofType as GraphQLInputType, argName, random),
    );
    return { kind: 'list', items };
  }
  if (isEnumType(nullable)) {
    const values = nullable.getValues().map((v) => v.name);
    return {
      kind: 'enum',
      value: random.chance(0.1) ? random.pick(['NOT_A_VALUE', 'active', 'OWNER2']) : random.pick(values),
    };
  }
  if (isInputObjectType(nullable)) {
    const fields: [string, FuzzValue][] = [];
    for (const field of Object.values(nullable.getFields())) {
      const include = isNonNullType(field.type) ? random.chance(0.92) : random.chance(0.5);
      if (include) fields.push([field.name, inputValue(field.type, field.name, random)]);
    }
    if (random.chance(0.05)) fields.push(['unknownField', { kind: 'scalar', value: 1 }]);
    return { kind: 'object', fields };
  }
  if (isScalarType(nullable)) {
    switch (nullable.name) {
      case 'Int': {
        if (argName === 'first')
          return num(random.pick<number | string>([0, 1, 5, 20, 50, 100, 101, -1, 1000, 2147483647]));
        if (/Id$/.test(argName) && random.chance(0.7)) return num(random.pick(IDS));
        return num(random.chance(0.5) ? random.pick(INTS) : random.int(-10, 10_000));
      }
      case 'Float':
        return num(random.pick(FLOATS));
      case 'Boolean':
        return { kind: 'scalar', value: random.chance(0.5) };
      case 'String':
      case 'ID':
        if (argName === 'after') return { kind: 'scalar', value: randomCursor(random) };
        return { kind: 'scalar', value: randomText(random) };
      case 'Date':
        return {
          kind: 'scalar',
          value: random.pick(['2024-01-15', '2024-13-45', 'yesterday', '', '0000-00-00']),
        };
      case 'DateTime':
        return {
          kind: 'scalar',
          value: random.pick(['2024-01-15T10:30:00.000Z', 'not-a-date', '2024-01-15']),
        };
      default:
        return { kind: 'scalar', value: randomText(random) };
    }
  }
  return { kind: 'scalar', value: null };
}

const num = (value: number | string): FuzzValue =>
  typeof value === 'number'
    ? { kind: 'scalar', value }
    : { kind: 'scalar', value: Number(value), raw: value };

/** As a GraphQL literal in the document. */
export function literal(value: FuzzValue): string {
  switch (value.kind) {
    case 'enum':
      return value.value;
    case 'list':
      return `[${value.items.map(literal).join(', ')}]`;
    case 'object':
      return `{ ${value.fields.map(([k, v]) => `${k}: ${literal(v)}`).join(', ')} }`;
    case 'scalar':
      if (value.raw !== undefined) return value.raw;
      if (value.value === null) return 'null';
      if (typeof value.value === 'string') return JSON.stringify(value.value);
      return String(value.value);
  }
}

/** As a JSON value in `variables`. */
export function json(value: FuzzValue): unknown {
  switch (value.kind) {
    case 'enum':
      return value.value;
    case 'list':
      return value.items.map(json);
    case 'object':
      return Object.fromEntries(value.fields.map(([k, v]) => [k, json(v)]));
    case 'scalar':
      return value.value;
  }
}
