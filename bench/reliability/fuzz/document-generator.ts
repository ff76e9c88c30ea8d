import {
  getNamedType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import type { Prng } from '../prng.js';
import { inputValue, json, literal } from './input-values.js';

export interface FuzzDocument {
  query: string;
  variables: Record<string, unknown>;
  /** `valid` was built from the schema as is; `broken` was damaged on purpose afterwards. */
  kind: 'valid' | 'broken';
}

/**
 * Schema-aware random GraphQL documents: an operation of a random root type, random fields with
 * random aliases and arguments (as literals or as declared variables), nested to a random depth
 * (sometimes very deep along object fields), with inline fragments and `__typename` now and then.
 * About one document in six is then damaged (truncated, a field renamed, a brace dropped or
 * doubled, a variable declared with the wrong type, a leaf given a selection or an object none),
 * so the gateway sees both valid and slightly invalid input.
 */
export class DocumentGenerator {
  private variables: Record<string, unknown> = {};
  private declarations: string[] = [];
  private broken = false;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly random: Prng,
  ) {}

  next(): FuzzDocument {
    this.variables = {};
    this.declarations = [];
    this.broken = false;
    const random = this.random;
    const mutation = this.schema.getMutationType();
    const root = mutation && random.chance(0.1) ? mutation : this.schema.getQueryType()!;
    const maxDepth = random.chance(0.03) ? random.int(15, 40) : random.int(1, 7);
    const selection = this.selectionSet(root, 0, maxDepth, root === mutation ? 1 : 3);
    const keyword = root === mutation ? 'mutation' : 'query';
    const name = random.chance(0.3) ? ` Op${random.int(0, 999)}` : '';
    const header = this.declarations.length ? `(${this.declarations.join(', ')})` : '';
    let query = `${keyword}${name}${header} ${selection}`;
    if (random.chance(0.15)) {
      query = this.damage(query);
      this.broken = true;
    }
    return { query, variables: this.variables, kind: this.broken ? 'broken' : 'valid' };
  }

  private selectionSet(type: GraphQLObjectType, depth: number, maxDepth: number, width: number): string {
    const random = this.random;
    const fields = Object.values(type.getFields());
    const deep = maxDepth > 10;
    const candidates = deep ? fields.filter((f) => isObjectType(getNamedType(f.type))) : fields;
    const pool = candidates.length ? candidates : fields;
    const count = deep ? 1 : random.int(1, width);
    const parts: string[] = [];
    for (let i = 0; i < count; i++) parts.push(this.field(random.pick(pool), depth, maxDepth));
    if (random.chance(0.1)) parts.push('__typename');
    if (random.chance(0.05)) parts.push(`... on ${type.name} { __typename }`);
    if (random.chance(0.02)) {
      const alias = random.int(2, 60);
      const leaf = fields.find((f) => !isObjectType(getNamedType(f.type)) && !f.args.length);
      if (leaf) for (let a = 0; a < alias; a++) parts.push(`x${a}: ${leaf.name}`);
    }
    return `{ ${parts.join(' ')} }`;
  }

  private field(field: GraphQLField<unknown, unknown>, depth: number, maxDepth: number): string {
    const random = this.random;
    const alias = random.chance(0.15) ? `a${random.int(0, 99)}: ` : '';
    const args = this.arguments(field);
    const named = getNamedType(field.type);
    const composite = isObjectType(named) || isInterfaceType(named) || isUnionType(named);
    let selection = '';
    if (composite && isObjectType(named)) {
      if (depth + 1 >= maxDepth) {
        // Too deep: close with a leaf, or (rarely) leave the object without a selection (invalid).
        const leaf = Object.values(named.getFields()).find(
          (f) => !isObjectType(getNamedType(f.type)) && !f.args.length,
        );
        selection = random.chance(0.03) || !leaf ? '' : ` { ${leaf.name} }`;
        if (!selection) this.broken = true;
      } else {
        selection = ` ${this.selectionSet(named, depth + 1, maxDepth, 3)}`;
      }
    } else if (!composite && random.chance(0.02)) {
      selection = ' { id }';
      this.broken = true;
    }
    return `${alias}${field.name}${args}${selection}`;
  }

  private arguments(field: GraphQLField<unknown, unknown>): string {
    const random = this.random;
    const parts: string[] = [];
    for (const arg of field.args) {
      const required = isNonNullType(arg.type);
      if (!(required ? random.chance(0.95) : random.chance(0.4))) continue;
      const value = inputValue(arg.type, arg.name, random);
      if (random.chance(0.35)) {
        const variable = `v${this.declarations.length}`;
        const declared = random.chance(0.05)
          ? random.pick(['String', 'Int!', 'Boolean', '[Int]'])
          : String(arg.type);
        this.declarations.push(`$${variable}: ${declared}`);
        this.variables[variable] = json(value);
        parts.push(`${arg.name}: $${variable}`);
      } else {
        parts.push(`${arg.name}: ${literal(value)}`);
      }
    }
    if (random.chance(0.03)) parts.push(`unknownArg: ${random.int(0, 9)}`);
    return parts.length ? `(${parts.join(', ')})` : '';
  }

  private damage(query: string): string {
    const random = this.random;
    const at = random.int(0, Math.max(0, query.length - 1));
    switch (random.int(0, 4)) {
      case 0:
        return query.slice(0, at);
      case 1:
        return query.replace(/\b(workspace|members|nodes|contracts|tracker|projects|name)\b/, '$1x');
      case 2:
        return `${query.slice(0, at)}${random.pick(['{', '}', '(', ')', '$', '"', '...', '@skip'])}${query.slice(at)}`;
      case 3:
        return query.replace('}', '');
      default:
        return `${query} ${query}`;
    }
  }
}
