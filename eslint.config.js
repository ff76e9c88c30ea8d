import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import graphqlPlugin from '@graphql-eslint/eslint-plugin';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'bench/results/**',
      'coverage/**',
      'reports/**',
      '.stryker-tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.{js,mjs,cjs,ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    // Tests and the reliability scenarios read untyped JSON from real HTTP responses.
    files: ['test/**', 'bench/reliability/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['bench/**', 'src/simulator/main.ts', 'src/main.ts', 'src/live/register-cli.ts', '*.js'],
    rules: { 'no-console': 'off' },
  },
  {
    // The emitted schema is what clients see in the playground docs and what codegen reads: lint it
    // as a public API (descriptions everywhere, naming, Relay connections).
    files: ['schema.graphql'],
    languageOptions: {
      parser: graphqlPlugin.parser,
      parserOptions: { graphQLConfig: { schema: 'schema.graphql' } },
    },
    plugins: { '@graphql-eslint': graphqlPlugin },
    rules: {
      ...graphqlPlugin.configs['flat/schema-recommended'].rules,
      ...graphqlPlugin.configs['flat/schema-relay'].rules,
      '@graphql-eslint/require-description': [
        'error',
        {
          types: true,
          rootField: true,
          FieldDefinition: true,
          InputValueDefinition: true,
          EnumValueDefinition: true,
          DirectiveDefinition: true,
        },
      ],
      '@graphql-eslint/naming-convention': [
        'error',
        {
          ...graphqlPlugin.configs['flat/schema-recommended'].rules['@graphql-eslint/naming-convention'][1],
          InputObjectTypeDefinition: { style: 'PascalCase', suffix: 'Input' },
        },
      ],
      // Every mutation takes one `input: <MutationName>Input!` (GitHub's convention).
      '@graphql-eslint/input-name': ['error', { checkInputType: true, caseSensitiveInputType: false }],
      // Upstream ids keep their WebWork names (`workspaceId`, `contractId`, ...) so that a field, the
      // argument that looks it up (`workspace(workspaceId:)`) and the input fields all read alike;
      // the opaque graph-wide id is `id`.
      '@graphql-eslint/no-typename-prefix': 'off',
      // Every edge's node implements Node and every connection takes both `first`/`after` and
      // `last`/`before`. `nodes` shortcuts (GitHub's convention) and plain value lists (tags, days)
      // are lists that are not edges on purpose.
      '@graphql-eslint/relay-edge-types': [
        'error',
        { withEdgeSuffix: true, shouldImplementNode: true, listTypeCanWrapOnlyEdgeType: false },
      ],
      '@graphql-eslint/relay-arguments': ['error', { includeBoth: true }],
      '@graphql-eslint/strict-id-in-types': [
        'error',
        {
          acceptedIdNames: ['id'],
          acceptedIdTypes: ['ID'],
          exceptions: {
            // Wrappers, results and pushed events, not entities: a client cache has nothing to
            // normalise there (an event's member or project edge is the Node).
            suffixes: ['Connection', 'Edge', 'Payload', 'Result', 'Report', 'Error', 'Item', 'Event'],
            types: [
              'PageInfo',
              'Reports',
              // Value objects embedded in their parent, with no graph-wide id (LeaveBalance is per
              // member and period; a tag, assignee, day or entry lives in its project, task or
              // timesheet; a leave policy is read whole from its workspace and keeps its `policyId`).
              'LeaveBalance',
              'LeavePolicy',
              'ProjectTag',
              'TaskAssignee',
              'TimesheetDay',
              'TimesheetEntry',
              // The gateway's own registration, one per workspace and identified by it; the webhooks
              // it stands for are Nodes (`Webhook`).
              'WebhookRegistration',
              // WebWork does not always return a time entry's id (REFERENCE 9.14), so `id` is nullable.
              'TimeEntry',
            ],
          },
        },
      ],
    },
  },
);
