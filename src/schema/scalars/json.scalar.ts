import { GraphQLJSON } from 'graphql-scalars';

/**
 * Any JSON value (graphql-scalars' `JSON`): only for upstream payloads whose shape WebWork does not
 * document (the reports' "(inferred)" fields), exposed as sent next to the typed, documented fields.
 */
export const JSONScalar = GraphQLJSON;
