import { GatewayError } from '../errors/gateway-error.js';

/**
 * Reads an upstream enum value through a table. An unexpected value is not guessed at (that would
 * be a silent wrong answer): it fails loudly with a message that names the field and the value.
 */
export function fromUpstream<T>(table: Readonly<Record<string, T>>, value: unknown, field: string): T {
  const mapped = table[String(value)];
  if (mapped === undefined) {
    throw new GatewayError(
      'INTERNAL_SERVER_ERROR',
      `WebWork returned an unexpected ${field} value "${String(value)}"`,
    );
  }
  return mapped;
}

/** One value of an enum: its upstream spelling (sent and read back) and what it means. */
export type EnumEntry<W extends string | number> = readonly [wire: W, description: string];

/** An enum described once: the GraphQL value, its upstream spelling and its description. */
export interface EnumTable<K extends string, W extends string | number> {
  /** `{ KEY: 'KEY' }`: what code compares against and what the schema registers. */
  readonly values: { readonly [P in K]: P };
  /** The upstream spelling of each value, for queries and bodies. */
  readonly toWire: Readonly<Record<K, W>>;
  /** The upstream spelling of an optional argument: nothing is sent for a value not given. */
  wire(value: K | null | undefined): W | undefined;
  /** The value of each upstream spelling (codes as strings), for reading answers. */
  readonly fromWire: Readonly<Record<string, K>>;
  /** type-graphql's `valuesConfig`: one description per value. */
  readonly valuesConfig: Readonly<Record<K, { description: string }>>;
}

/** The enum's value type: `type ContractStatus = EnumOf<typeof contractStatus>`. */
export type EnumOf<T> = T extends EnumTable<infer K, string | number> ? K : never;

/**
 * Builds every view of an enum from one table, so a value is added in one place: its GraphQL
 * name, upstream spelling and description cannot drift apart. Typed as a full record, so a value
 * without a spelling or a description does not compile. `alsoReads` names further upstream
 * spellings read back as a value (where WebWork's two doc sets disagree), never sent.
 */
export function defineEnum<K extends string, W extends string | number>(
  entries: Readonly<Record<K, EnumEntry<W>>>,
  alsoReads: Readonly<Record<string, NoInfer<K>>> = {},
): EnumTable<K, W> {
  const keys = Object.keys(entries) as K[];
  const each = <V>(f: (key: K) => V) => Object.fromEntries(keys.map((key) => [key, f(key)]));
  const toWire = each((key) => entries[key][0]) as Record<K, W>;
  return {
    values: each((key) => key) as { readonly [P in K]: P },
    toWire,
    wire: (value) => (value == null ? undefined : toWire[value]),
    // Without a prototype, so an upstream "constructor" or "toString" is unknown, not a function.
    fromWire: Object.assign(
      Object.create(null) as Record<string, K>,
      Object.fromEntries(keys.map((key) => [String(entries[key][0]), key])),
      alsoReads,
    ),
    valuesConfig: each((key) => ({ description: entries[key][1] })) as Record<K, { description: string }>,
  };
}
