import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isCompositeType,
  isObjectType,
  isInterfaceType,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { UPSTREAM_PAGE_SIZE } from '../../datasources/paging.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../schema/inputs/page.args.js';
import { FIELD_COSTS } from './query-cost.js';

/**
 * Fields that cost nothing against the caller's budget, whatever is selected under them, because
 * they never need the budget to answer: `Member.tracker` answers from the live tracker store, or as
 * unknown (`isRunning: null`, pending) while the scheduler fetches it in the background when the
 * budget cannot cover it now (issue 10). Counting them would refuse exactly the 50-member board the
 * live board exists for. Their own lookups (TrackerState.task / contract) come from the task and
 * contract lists a board reads anyway.
 */
export const DEGRADES_TO_STORE: ReadonlySet<string> = new Set(['Member.tracker']);

/**
 * Fields served, for every parent in one request, from a single workspace-level list read (the
 * loaders' grouped lists and the RequestMemo, src/loaders): one read per request, not one per parent.
 */
export const ONE_READ_PER_REQUEST: ReadonlySet<string> = new Set([
  'Member.contracts',
  'Project.contracts',
  'Member.leaveBalances',
  'Workspace.leavePolicies',
  'Leave.policy',
  'Expense.project',
  'Expense.category',
  'Workspace.expenseCategories',
]);

/**
 * The upstream calls a query needs at least once batching is counted, for the check against the
 * caller's budget (budget-cost.plugin.ts): the FIELD_COSTS model, except that fields in
 * ONE_READ_PER_REQUEST count once per request and fields in DEGRADES_TO_STORE count nothing. Unlike
 * the QUERY_MAX_COST estimate (an upper bound, no batching), over-counting here would refuse queries
 * that can complete, so the walk is deliberately the batched model of the loaders.
 *
 * Lists are sized by what the query asks for (see below), where QUERY_MAX_COST assumes full pages.
 * Fragments are expanded and `@skip` / `@include` honoured; type conditions are all counted (an
 * upper bound on abstract fields like `node`). Variables must already be coerced.
 */
export function budgetCost(
  schema: GraphQLSchema,
  root: GraphQLCompositeType,
  selectionSet: SelectionSetNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  variables: Record<string, unknown>,
): number {
  const once = new Set<string>();
  const walk = (type: GraphQLCompositeType, set: SelectionSetNode, parents: number): number => {
    let cost = 0;
    for (const selection of set.selections) {
      if (!included(selection, variables)) continue;
      if (selection.kind === 'InlineFragment' || selection.kind === 'FragmentSpread') {
        const fragment = selection.kind === 'FragmentSpread' ? fragments[selection.name.value] : selection;
        if (fragment === undefined) continue;
        const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : type;
        if (condition && isCompositeType(condition)) cost += walk(condition, fragment.selectionSet, parents);
        continue;
      }
      if (!(isObjectType(type) || isInterfaceType(type)) || selection.name.value.startsWith('__')) continue;
      const field = type.getFields()[selection.name.value];
      if (field === undefined) continue;
      const key = `${type.name}.${field.name}`;
      if (DEGRADES_TO_STORE.has(key)) continue;
      const args = getArgumentValues(field, selection, variables);
      // What the query asks for: `first` items of a connection. A plain list (workspaces, sub-tasks)
      // counts as one item: its length is unknown before execution, and this check refuses only what
      // the query itself makes too much, never a query that may fit.
      const size = field.args.some((a) => a.name === 'first')
        ? Math.min(Math.max(Number(args.first ?? DEFAULT_PAGE_SIZE), 0), MAX_PAGE_SIZE)
        : 1;
      const kind = FIELD_COSTS[key];
      const pages = kind === 'pages' ? Math.max(1, Math.ceil(size / UPSTREAM_PAGE_SIZE)) : kind ? 1 : 0;
      if (ONE_READ_PER_REQUEST.has(key)) {
        if (!once.has(key)) cost += pages;
        once.add(key);
      } else {
        cost += parents * pages;
      }
      const named = getNamedType(field.type);
      if (selection.selectionSet && isCompositeType(named)) {
        cost += walk(named, selection.selectionSet, parents * size);
      }
    }
    return cost;
  };
  return walk(root, selectionSet, 1);
}

function included(
  node: Parameters<typeof getDirectiveValues>[1],
  variables: Record<string, unknown>,
): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
}
