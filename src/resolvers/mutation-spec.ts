import type { ClassType } from 'type-graphql';
import type { WriteOperation, WriteOutcome } from '../catalogue/operation.js';

/**
 * What every mutation factory (state moves, batch moves, resource writes) is given: one write
 * descriptor of the catalogue behind `<name>(input: <Input>!)`, described for the playground.
 */
export interface MutationSpec<I, A, R extends WriteOutcome> {
  /** `verbNoun` (`verbNouns` for a batch), taking `input: VerbNounInput!`. */
  name: string;
  input: ClassType<I & object>;
  description: string;
  write: WriteOperation<A, never, R>;
}
