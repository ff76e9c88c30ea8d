import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, isListType, getNullableType, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { UPSTREAM_PAGE_SIZE } from '../../datasources/paging.js';
import { GatewayError, queryTooComplex } from '../../errors/gateway-error.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../schema/inputs/page.args.js';
import type { RequestContext } from '../context.js';

/**
 * Upstream reads each field costs per parent object, for fields that read anything: one call per
 * parent (`call`), one upstream page of a workspace-level list per parent for every 100 items
 * asked (`pages`), or one read per id given (`ids`: `Query.nodes`). Fields not listed read nothing of their own: scalars, and by-id lookups
 * (Contract.member, Task.project, …) served from list pages the request reads once per workspace.
 * Kept here, next to the limit, rather than as type-graphql `complexity` options on ten resolver
 * files, so the whole cost model can be read (and reviewed against the resolvers) in one place;
 * a test fails if it names a field the schema does not have.
 */
export const FIELD_COSTS: Readonly<Record<string, 'call' | 'pages' | 'ids'>> = {
  'Query.workspaces': 'call',
  'Query.node': 'call',
  'Query.nodes': 'ids',
  'Query.workspace': 'call',
  'Workspace.members': 'pages',
  'Workspace.projects': 'pages',
  'Workspace.contracts': 'pages',
  'Workspace.member': 'call',
  'Workspace.project': 'call',
  'Workspace.contract': 'call',
  'Member.tracker': 'call',
  'Member.contracts': 'call',
  'Project.contracts': 'call',
  'Project.tasks': 'pages',
  'TrackerState.task': 'call',
  'Mutation.startTracking': 'call',
  'Mutation.stopTracking': 'call',
  'Workspace.timeRequests': 'pages',
  'Member.timeRequests': 'pages',
  'Workspace.leaves': 'pages',
  'Member.leaves': 'pages',
  'Workspace.leavePolicies': 'call',
  'Member.leaveBalances': 'call',
  'Leave.policy': 'call',
  'Mutation.createTimeRequest': 'call',
  'Mutation.approveTimeRequest': 'call',
  'Mutation.rejectTimeRequest': 'call',
  'Mutation.approveTimeRequests': 'call',
  'Mutation.requestLeave': 'call',
  'Mutation.approveLeave': 'call',
  'Mutation.rejectLeave': 'call',
  'Mutation.approveLeaves': 'call',
  'Workspace.expenses': 'pages',
  'Workspace.expenseCategories': 'call',
  'Expense.project': 'call',
  'Expense.category': 'call',
  'Member.timeEntries': 'call',
  'Reports.trackedHours': 'call',
  'Reports.dailyTimeline': 'call',
  'Reports.dailyAttendance': 'call',
  'Reports.activityLevel': 'call',
  'Reports.taskReport': 'call',
  'Reports.activityDescriptions': 'call',
  'Workspace.webhooks': 'pages',
  // Per event of a subscription: the edge of the object the event is about.
  'MemberChangeEvent.member': 'call',
  'ProjectChangeEvent.project': 'call',
  'Mutation.createExpense': 'call',
  'Mutation.updateExpense': 'call',
  'Mutation.deleteExpense': 'call',
  'Mutation.createTimeEntry': 'call',
  'Mutation.updateTimeEntry': 'call',
  'Mutation.deleteTimeEntry': 'call',
  'Mutation.createWebhook': 'call',
  'Mutation.registerWebhooks': 'call',
  'Mutation.updateWebhook': 'call',
  'Mutation.deleteWebhook': 'call',
  'Task.subTasks': 'call',
  'Project.task': 'call',
  'Mutation.createProject': 'call',
  'Mutation.updateProject': 'call',
  'Mutation.deleteProject': 'call',
  'Mutation.createContract': 'call',
  'Mutation.updateContract': 'call',
  'Mutation.deleteContract': 'call',
  'Mutation.createTask': 'call',
  'Mutation.updateTask': 'call',
  'Mutation.deleteTask': 'call',
  'Mutation.assignTask': 'call',
  'Mutation.unassignTask': 'call',
  'Mutation.inviteMember': 'call',
  'Mutation.updateMember': 'call',
  'Mutation.removeMember': 'call',
  'Workspace.projectViewers': 'pages',
  'Project.viewers': 'call',
  'Mutation.createProjectViewer': 'call',
  'Mutation.deleteProjectViewer': 'call',
  'Mutation.restoreProjectViewer': 'call',
  'Mutation.assignProjectViewer': 'call',
  'Mutation.unassignProjectViewer': 'call',
  'Workspace.timesheets': 'pages',
  'Member.timesheets': 'pages',
  'Mutation.submitTimesheet': 'call',
  'Mutation.unsubmitTimesheet': 'call',
  'Mutation.approveTimesheet': 'call',
  'Mutation.rejectTimesheet': 'call',
  'Mutation.approveTimesheets': 'call',
  'Mutation.rejectTimesheets': 'call',
};

/**
 * The cost estimate: upstream reads a query can cause before caching and before batching across
 * parents. A field's size is its `first` or `last` (connections; the default page size when
 * absent), its number of ids (`nodes`) or, for other lists, the upstream page size (100); its children's cost is multiplied by that size, so
 * costs multiply down the tree (`members(first: 50) { nodes { tracker } }` = 1 page + 50 calls).
 * The `nodes`/`edges` lists of a connection repeat the connection's size, so they count once.
 */
export const upstreamReadsEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (type.name.startsWith('__')) return 0; // introspection reads the schema, nothing upstream
  const kind = FIELD_COSTS[`${type.name}.${field.name}`];
  const size =
    kind === 'ids'
      ? ((args.ids as unknown[] | undefined)?.length ?? 0)
      : field.args.some((a) => a.name === 'first')
        ? Math.min(Math.max(Number(args.first ?? args.last ?? DEFAULT_PAGE_SIZE), 0), MAX_PAGE_SIZE)
        : isListType(getNullableType(field.type)) && !type.name.endsWith('Connection')
          ? UPSTREAM_PAGE_SIZE
          : 1;
  // `last` without `before` also reads page 1 to find the end of the list.
  const findsEnd = args.last != null && args.before == null ? 1 : 0;
  const own =
    kind === 'call'
      ? 1
      : kind === 'pages'
        ? Math.max(1, Math.ceil(size / UPSTREAM_PAGE_SIZE)) + findsEnd
        : kind === 'ids'
          ? size
          : 0;
  return own + size * childComplexity;
};

/** Field nodes (fragments expanded) the estimate may visit before refusing without a number. */
const MAX_EVALUATED_NODES = 10_000;

/**
 * Refuses, after validation and before execution, operations whose estimated cost is over
 * QUERY_MAX_COST, with QUERY_TOO_COMPLEX. Runs here rather than as a validation rule because the
 * estimate needs the variables (`first: $n`). The estimate is graphql-query-complexity's walk
 * (fragments, @skip/@include, variables) with the gateway's own estimator above.
 */
export function queryCostPlugin(schema: GraphQLSchema, maxCost: number): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, operationName }) {
          checkQueryCost(schema, document, request.variables ?? {}, operationName ?? undefined, maxCost);
        },
      };
    },
  };
}

/**
 * The check itself, shared with the subscription server (where it bounds the reads of each event):
 * throws QUERY_TOO_COMPLEX over `maxCost`; variables that do not coerce pass (execution reports them).
 */
export function checkQueryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName: string | undefined,
  maxCost: number,
): void {
  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query: document,
      variables,
      operationName,
      estimators: [upstreamReadsEstimator],
      maxQueryNodes: MAX_EVALUATED_NODES,
    });
  } catch (error) {
    if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) {
      throw new GatewayError(
        'QUERY_TOO_COMPLEX',
        `The query has more than ${MAX_EVALUATED_NODES} fields once its fragments are expanded, so its cost (QUERY_MAX_COST, ${maxCost}) cannot be estimated. Ask for less in one request.`,
        { limit: 'cost', maximum: maxCost, measured: null, http: { status: 400 } },
      );
    }
    return;
  }
  if (cost > maxCost) {
    throw queryTooComplex('cost', maxCost, cost, 'QUERY_MAX_COST', 'estimated cost in upstream reads');
  }
}
