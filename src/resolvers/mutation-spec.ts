import type { ClassType } from 'type-graphql';
import type { WriteOperation, WriteOutcome } from '../catalogue/operation.js';

/**
 * What every mutation factory (state moves, batch moves, resource writes) is given: one write
 * descriptor of the catalogue behind `<name>(input: <Input>!)`, described for the playground.
 */
export interface MutationSpec<I, A, R extends WriteOutcome> {
  /**
   * `verbNoun`, taking `input: VerbNounInput!`. Default: the write's name in the catalogue, so a
   * mutation is named after the operation it sends (a batch names itself: `verbNouns`).
   */
  name?: string;
  input: ClassType<I & object>;
  description: string;
  write: WriteOperation<A, never, R>;
}

export const mutationName = <I, A, R extends WriteOutcome>(spec: MutationSpec<I, A, R>): string =>
  spec.name ?? spec.write.name;
