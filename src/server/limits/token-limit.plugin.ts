import type { ApolloServerPlugin } from '@apollo/server';
import { Lexer, Source, TokenKind } from 'graphql';
import { queryTooComplex } from '../../errors/gateway-error.js';
import type { RequestContext } from '../context.js';

/**
 * The token limit itself is graphql-js's `parse(…, { maxTokens })`, passed through Apollo's
 * `parseOptions` (see limits.ts): the parser stops at the first token over the limit, before it can
 * recurse deep enough to overflow the stack. Apollo reports that as a GRAPHQL_PARSE_FAILED syntax
 * error; this plugin turns it into the gateway's QUERY_TOO_COMPLEX (HTTP 400) with the measured
 * token count, counted by graphql's own lexer (iterative; the body size already bounds it).
 */
export function tokenLimitPlugin(maxTokens: number): ApolloServerPlugin<RequestContext> {
  // graphql 16 words it "Document contains more that N tokens" (sic); accept either spelling.
  const abortedAtLimit = new RegExp(
    `Document contains more tha[nt] ${maxTokens} tokens\\. Parsing aborted\\.$`,
  );
  return {
    async requestDidStart() {
      let refusal: ReturnType<typeof queryTooComplex> | undefined;
      return {
        async parsingDidStart({ source }) {
          return async (error) => {
            if (error && abortedAtLimit.test(error.message)) {
              refusal = queryTooComplex(
                'tokens',
                maxTokens,
                countTokens(source),
                'QUERY_MAX_TOKENS',
                'number of tokens',
              );
            }
          };
        },
        async willSendResponse({ response }) {
          if (refusal && response.body.kind === 'single') {
            const { message, extensions } = refusal;
            const { http: _http, ...publicExtensions } = extensions;
            response.body.singleResult.errors = [{ message, extensions: publicExtensions }];
          }
        },
      };
    },
  };
}

/** Tokens of a document as graphql-js counts them for `maxTokens` (punctuation and names; no comments). */
export function countTokens(source: string): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) count++;
  } catch {
    // A lexical error further on: the tokens before it are the measure.
  }
  return count;
}
