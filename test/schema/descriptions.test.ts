import {
  type GraphQLNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
} from 'graphql';
import { buildGatewaySchema } from '../../src/schema/build-schema.js';

/** Every schema element a playground shows docs for, as `Type`, `Type.field`, `Type.field(arg)`. */
function describedElements(type: GraphQLNamedType): [string, string | null | undefined][] {
  const elements: [string, string | null | undefined][] = [[type.name, type.description]];
  if (isObjectType(type) || isInterfaceType(type)) {
    for (const field of Object.values(type.getFields())) {
      elements.push([`${type.name}.${field.name}`, field.description]);
      for (const arg of field.args)
        elements.push([`${type.name}.${field.name}(${arg.name})`, arg.description]);
    }
  }
  if (isInputObjectType(type)) {
    for (const field of Object.values(type.getFields()))
      elements.push([`${type.name}.${field.name}`, field.description]);
  }
  if (isEnumType(type)) {
    for (const value of type.getValues()) elements.push([`${type.name}.${value.name}`, value.description]);
  }
  return elements;
}

describe('schema descriptions', () => {
  it('describes every type, field, argument, input field and enum value (the playground docs)', async () => {
    const schema = await buildGatewaySchema();
    const missing = Object.values(schema.getTypeMap())
      .filter((type) => !type.name.startsWith('__') && !isSpecifiedScalarType(type))
      .flatMap(describedElements)
      .filter(([name, description]) => {
        const text = description?.trim() ?? '';
        // A description that only repeats the element's name tells a reader nothing.
        return text === '' || text.toLowerCase() === name.split(/[.(]/).pop()!.replace(')', '').toLowerCase();
      })
      .map(([name]) => name);
    expect(missing).toEqual([]);
  });
});
