import { errorFromStatus, upstreamArgument } from '../../src/datasources/upstream-errors.js';

describe('upstreamArgument: the GraphQL argument an upstream 400/422 is about', () => {
  it.each([
    ['POST', 'user_id 7 has no running tracker in workspace 1', undefined, 'input.userId'],
    ['POST', 'contract_id 5 belongs to user 7, not to user_id 9', undefined, 'input.contractId'],
    [
      'POST',
      'activity_description must be at most 1000 characters, got 1001',
      undefined,
      'input.activityDescription',
    ],
    ['POST', 'task_id can only be given together with contract_id', undefined, 'input.taskId'],
    ['POST', 'workspace_id is required', undefined, 'input.workspaceId'],
    ['GET', 'workspace_id must be at least 1, got 0', undefined, 'workspaceId'],
    [
      'POST',
      'The given data was invalid.',
      { task_id: ['The selected task id is invalid.'] },
      'input.taskId',
    ],
    ['POST', 'Contract 5 is paused; time can only be booked on active contracts', undefined, 'input'],
    ['POST', 'per_page must be at most 100', undefined, 'input'],
    ['POST', undefined, undefined, 'input'],
    ['POST', 'my_user_idea is odd', undefined, 'input'],
  ])('%s "%s" %j → %s', (method, message, fieldErrors, argument) => {
    expect(upstreamArgument(method, message, fieldErrors)).toBe(argument);
  });

  it('errorFromStatus puts it on BAD_USER_INPUT, defaulting to input', () => {
    expect(errorFromStatus(422, 'x', { argument: 'input.userId' }).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input.userId',
    });
    expect(errorFromStatus(400, undefined).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input',
    });
  });
});
