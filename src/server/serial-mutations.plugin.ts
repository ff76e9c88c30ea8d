import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GatewayError } from '../errors/gateway-error.js';

/**
 * In `mutation { a: stopTracking(…) b: startTracking(…) }`, once a root mutation field fails the
 * ones after it are not run (so not sent upstream): each answers MUTATION_SKIPPED naming the one
 * that failed. graphql-js already stops after a failed non-null root field (the error empties
 * `data`), but runs on after a nullable one; this makes the rule hold whatever the nullability.
 */
export function serialMutationsPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ operation }) {
          if (operation?.operation !== 'mutation') return;
          let failed: string | undefined;
          return {
            willResolveField({ info }) {
              if (info.path.prev !== undefined) return;
              if (failed !== undefined) {
                throw new GatewayError(
                  'MUTATION_SKIPPED',
                  `Not run: the earlier mutation "${failed}" in this operation failed. Send this one again once that is resolved.`,
                );
              }
              return (error) => {
                if (error) failed = String(info.path.key);
              };
            },
          };
        },
      };
    },
  };
}
