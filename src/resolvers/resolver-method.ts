/**
 * Defines a decorated method named at run time on a resolver class built by a factory. type-graphql
 * matches a field resolver to its field by method name, so the factories of connection, lookup and
 * mutation fields cannot share one method name per parent type: each method is named after its
 * field. Decorators are applied as TypeScript would (parameters, then the method), with explicit
 * type functions everywhere, so no reflected metadata is needed.
 */
export function defineResolverMethod(
  target: abstract new (...args: never[]) => unknown,
  name: string,
  body: (...args: never[]) => unknown,
  decorators: {
    params: ((target: object, key: string, index: number) => void)[];
    method: (target: object, key: string, descriptor: PropertyDescriptor) => void;
  },
): void {
  Object.defineProperty(target.prototype, name, { value: body, writable: true, configurable: true });
  decorators.params.forEach((decorate, index) => decorate(target.prototype, name, index));
  decorators.method(target.prototype, name, Object.getOwnPropertyDescriptor(target.prototype, name)!);
}
