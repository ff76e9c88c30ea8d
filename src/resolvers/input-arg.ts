import { Arg, type ClassType } from 'type-graphql';

/**
 * The one `input` argument every mutation takes (GitHub's convention: one input object in, one
 * answer out), described once so the playground docs read the same on every mutation.
 */
export const inputArg = (type: ClassType) =>
  Arg('input', () => type, {
    description: "The mutation's fields, each described on its input type.",
  });
