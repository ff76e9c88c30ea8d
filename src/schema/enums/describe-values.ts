/**
 * type-graphql's `valuesConfig` from one description per value of `enumObject`, keyed like the
 * enum's keys. Typed as a full record, so a value added without a description does not compile
 * (type-graphql's own `valuesConfig` type is a Partial).
 */
export function describeValues<T extends object>(
  _enumObject: T,
  descriptions: Readonly<Record<keyof T, string>>,
): Record<keyof T, { description: string }> {
  return Object.fromEntries(
    Object.entries(descriptions).map(([key, description]) => [key, { description }]),
  ) as Record<keyof T, { description: string }>;
}
