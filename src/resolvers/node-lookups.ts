import { expenseCategoriesList, expensesList } from '../catalogue/expenses.operations.js';
import { leavePoliciesList, leavesList } from '../catalogue/leaves.operations.js';
import { projectViewerById } from '../catalogue/project-viewers.operations.js';
import { timeRequestById } from '../catalogue/time-requests.operations.js';
import { timesheetsList } from '../catalogue/timesheets.operations.js';
import { webhooksList } from '../catalogue/webhooks.operations.js';
import { GatewayError } from '../errors/gateway-error.js';
import type { Loaders } from '../loaders/loaders.js';

/**
 * How `Query.node`/`Query.nodes` find each Node type from the parts of its global id
 * (`<Type>:<workspaceId>:<upstream id>`), through the same per-request loaders and memoised reads
 * the rest of the graph uses: members, projects and contracts come from their workspace's list
 * (one call per 100, shared by every id of the request), so `nodes` over ten members costs what
 * ten `Workspace.member` lookups cost. Types WebWork has no by-id endpoint for are found in their
 * list, filtered by id where the list takes an `id` filter (leaves, timesheets, expenses).
 *
 * `id` is the upstream id as the global id holds it: a number for types whose upstream id is an
 * integer (`int`), the string otherwise. A lookup rejects with NOT_FOUND when the object is not
 * there for this caller; the Workspace lookup (the workspace itself) runs before every other.
 */
export interface NodeLookup {
  /** What the upstream id must look like; anything else is a malformed id (BAD_USER_INPUT). */
  id: 'int' | 'string';
  /**
   * An integer part after the upstream id, for types WebWork cannot read by id alone: a task's
   * project (REFERENCE §10.5: the task operations require `project_id`), so a Task's global id is
   * `Task:<workspaceId>:<taskId>:<projectId>`.
   */
  scope?: 'int';
  load(loaders: Loaders, workspaceId: number, id: number & string, scope?: number): Promise<object>;
}

const missing = (type: string, id: string | number, workspaceId: number) =>
  new GatewayError('NOT_FOUND', `No ${type} ${id} in workspace ${workspaceId} that you can see.`);

/** The one record of a list read filtered by id, or NOT_FOUND. */
const only = async <R extends object>(
  rows: Promise<R[]>,
  match: (row: R) => boolean,
  type: string,
  id: string,
  workspaceId: number,
): Promise<R> => (await rows).find(match) ?? Promise.reject(missing(type, id, workspaceId));

export const NODE_LOOKUPS: Readonly<Record<string, NodeLookup>> = {
  Member: { id: 'int', load: (l, workspaceId, id) => l.member.load({ workspaceId, id }) },
  Project: { id: 'int', load: (l, workspaceId, id) => l.project.load({ workspaceId, id }) },
  Contract: { id: 'int', load: (l, workspaceId, id) => l.contract.load({ workspaceId, id }) },
  // Found in its project's task list (memoised: one call per project, shared by every id).
  Task: {
    id: 'int',
    scope: 'int',
    load: (l, workspaceId, id, projectId) => l.task.load({ workspaceId, id, projectId }),
  },
  // The tracker's global id carries the member's user id (Member.tracker and startTracking agree).
  TrackerState: { id: 'int', load: (l, workspaceId, id) => l.tracker.load({ workspaceId, id }) },
  ProjectViewer: {
    id: 'int',
    load: (l, workspaceId, id) => l.memo.read(projectViewerById, { workspaceId, id }),
  },
  TimeRequest: {
    id: 'string',
    load: (l, workspaceId, id) => l.memo.read(timeRequestById, { workspaceId, timeRequestId: id }),
  },
  Leave: {
    id: 'string',
    load: (l, workspaceId, id) =>
      only(l.memo.all(leavesList, { workspaceId, id }), (r) => r.leaveId === id, 'leave', id, workspaceId),
  },
  LeavePolicy: {
    id: 'string',
    load: (l, workspaceId, id) =>
      only(
        l.memo.all(leavePoliciesList, { workspaceId }),
        (r) => r.policyId === id,
        'leave policy',
        id,
        workspaceId,
      ),
  },
  Timesheet: {
    id: 'string',
    load: (l, workspaceId, id) =>
      only(
        l.memo.all(timesheetsList, { workspaceId, id }),
        (r) => r.timesheetId === id,
        'timesheet',
        id,
        workspaceId,
      ),
  },
  Expense: {
    id: 'string',
    load: (l, workspaceId, id) =>
      only(
        l.memo.all(expensesList, { workspaceId, expenseId: id }),
        (r) => r.expenseId === id,
        'expense',
        id,
        workspaceId,
      ),
  },
  ExpenseCategory: {
    id: 'string',
    load: (l, workspaceId, id) =>
      only(
        l.memo.all(expenseCategoriesList, { workspaceId }),
        (r) => r.categoryId === id,
        'expense category',
        id,
        workspaceId,
      ),
  },
  Webhook: {
    id: 'string',
    load: (l, workspaceId, id) =>
      only(l.memo.all(webhooksList, { workspaceId }), (r) => r.webhookId === id, 'webhook', id, workspaceId),
  },
};
