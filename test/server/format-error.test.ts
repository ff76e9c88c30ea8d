import { GraphQLError, parse, type VariableDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { silentLogger } from '../../src/logging/logger.js';
import { createFormatError } from '../../src/server/format-error.js';

const formatError = createFormatError(silentLogger);

describe('formatError: BAD_USER_INPUT names the variable that did not coerce', () => {
  const operation = parse('query Q($ws: Int!) { workspace(workspaceId: $ws) { name } }')
    .definitions[0] as OperationDefinitionNode;
  const definition = operation.variableDefinitions![0] as VariableDefinitionNode;

  it('from the variable definition node, whatever the wording', () => {
    const error = new GraphQLError('A value that is not an Int was sent', {
      nodes: [definition],
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(formatError({ message: error.message, extensions: error.extensions }, error).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'ws',
    });
  });

  it('from the message when no node is attached (graphql-jit)', () => {
    const error = new GraphQLError('Variable "$ws_2" got invalid value "x"; Int cannot represent it', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(formatError({ message: error.message, extensions: error.extensions }, error).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'ws_2',
    });
  });

  it('keeps an argument already named, and adds none to a field error', () => {
    const named = new GraphQLError('first must be between 0 and 100', {
      extensions: { code: 'BAD_USER_INPUT', argument: 'first' },
    });
    expect(formatError({ message: named.message, extensions: named.extensions }, named).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'first',
    });
    const onField = {
      message: 'Variable "$x" mentioned',
      path: ['a'],
      extensions: { code: 'BAD_USER_INPUT' },
    };
    expect(formatError(onField, new GraphQLError(onField.message, { path: ['a'] })).extensions).toEqual({
      code: 'BAD_USER_INPUT',
    });
  });
});
