import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import {
  createExpense,
  type DeletedRecord,
  deleteExpense,
  expenseCategoriesList,
  type ExpenseCategoryRecord,
  type ExpenseRecord,
  expensesList,
  updateExpense,
} from '../catalogue/expenses.operations.js';
import { projectsList, type ProjectRecord } from '../catalogue/projects.operations.js';
import type { WorkspaceRecord } from '../catalogue/workspaces.operations.js';
import {
  CreateExpenseInput,
  DeleteExpenseInput,
  ExpensesArgs,
  MAX_EXPENSE_NAME,
  MAX_EXPENSE_NOTE,
  UpdateExpenseInput,
} from '../schema/inputs/expenses.inputs.js';
import { connectionOf } from '../schema/types/connection.js';
import { DeletedExpense, Expense, ExpenseCategory } from '../schema/types/expense.type.js';
import { Project } from '../schema/types/project.type.js';
import { Workspace } from '../schema/types/workspace.type.js';
import type { RequestContext } from '../server/context.js';
import { connectionField } from './connection-field.js';
import { dateRange, nonEmpty, positiveAmount, uuid } from './money-validate.js';
import { DeletedNodeResolver, WorkspaceNodeResolver } from './node.resolver.js';
import { stateMove } from './state-move.js';
import { maxLength, positiveId } from './validate.js';

export const ExpenseConnection = connectionOf(Expense, 'Expense');

/** The one record whose name is `name`, from a whole list read once per request (or null). */
const byName = <R>(rows: R[], nameOf: (r: R) => string | null, name: string | null): R | null =>
  name == null ? null : (rows.find((r) => nameOf(r) === name) ?? null);

@Resolver(() => Expense)
export class ExpenseResolver extends WorkspaceNodeResolver(Expense, (e: ExpenseRecord) => e.expenseId) {
  @FieldResolver(() => Project, {
    nullable: true,
    description:
      "The expense's project, found by the name WebWork sends (the workspace's project list, read once per request for all expenses). Null without a project, or when no visible project has that name.",
  })
  async project(@Root() e: ExpenseRecord, @Ctx() ctx: RequestContext): Promise<ProjectRecord | null> {
    if (e.projectName == null) return null;
    const projects = await ctx.loaders.memo.all(projectsList, { workspaceId: e.workspaceId });
    return byName(projects, (p) => p.name, e.projectName);
  }

  @FieldResolver(() => ExpenseCategory, {
    nullable: true,
    description:
      "The expense's category, found by the name WebWork sends (the category list, read once per request for all expenses).",
  })
  async category(
    @Root() e: ExpenseRecord,
    @Ctx() ctx: RequestContext,
  ): Promise<ExpenseCategoryRecord | null> {
    if (e.categoryName == null) return null;
    const categories = await ctx.loaders.memo.all(expenseCategoriesList, { workspaceId: e.workspaceId });
    return byName(categories, (c) => c.name, e.categoryName);
  }
}

@Resolver(() => ExpenseCategory)
export class ExpenseCategoryResolver extends WorkspaceNodeResolver(
  ExpenseCategory,
  (c: ExpenseCategoryRecord) => c.categoryId,
) {}

export const DeletedExpenseResolver = DeletedNodeResolver(
  DeletedExpense,
  'Expense',
  (d: DeletedRecord) => [d.workspaceId, d.deletedId],
  { idField: 'expenseId' },
);

@Resolver(() => Workspace)
export class WorkspaceExpenseCategoriesResolver {
  @FieldResolver(() => [ExpenseCategory], {
    nullable: true,
    description: 'Expense categories (Owners and Executive Managers): the `categoryId` of createExpense.',
  })
  expenseCategories(
    @Root() ws: WorkspaceRecord,
    @Ctx() ctx: RequestContext,
  ): Promise<ExpenseCategoryRecord[]> {
    return ctx.loaders.memo.all(expenseCategoriesList, { workspaceId: ws.workspaceId });
  }
}

export const WorkspaceExpensesResolver = connectionField({
  parent: Workspace,
  field: 'expenses',
  connection: ExpenseConnection,
  args: ExpensesArgs,
  description:
    'Expenses of this workspace (Owners and Executive Managers; FORBIDDEN for others), filtered by id and date range.',
  list: expensesList,
  toArgs: (ws: WorkspaceRecord, args) => {
    if (args.expenseId != null) uuid('expenseId', args.expenseId);
    dateRange('dateFrom', args.dateFrom, 'dateTo', args.dateTo);
    return {
      workspaceId: ws.workspaceId,
      expenseId: args.expenseId,
      dateFrom: args.dateFrom,
      dateTo: args.dateTo,
    };
  },
});

function checkExpenseFields(input: CreateExpenseInput | UpdateExpenseInput): void {
  positiveId('input.workspaceId', input.workspaceId);
  if (input.name != null) nonEmpty('input.name', input.name, MAX_EXPENSE_NAME);
  if (input.amount != null) positiveAmount('input.amount', input.amount);
  if (input.categoryId != null) uuid('input.categoryId', input.categoryId);
  if (input.projectId != null) positiveId('input.projectId', input.projectId);
  maxLength('input.note', input.note, MAX_EXPENSE_NOTE);
}

const WRITE_NOTE =
  'Owners and Executive Managers (FORBIDDEN for others). Null with an error when the write failed.';

export const CreateExpenseResolver = stateMove({
  input: CreateExpenseInput,
  returns: Expense,
  description: `Creates an expense and returns it as WebWork answered. Sent exactly once, never retried (a repeat would add a second expense; after UPSTREAM_TIMEOUT read the expenses before trying again). ${WRITE_NOTE}`,
  write: createExpense,
  toArgs: (input) => {
    checkExpenseFields(input);
    return { ...input };
  },
});

export const UpdateExpenseResolver = stateMove({
  input: UpdateExpenseInput,
  returns: Expense,
  description: `Changes an expense; fields left out are kept. Returns the expense as WebWork answered. ${WRITE_NOTE}`,
  write: updateExpense,
  toArgs: (input) => {
    uuid('input.expenseId', input.expenseId);
    checkExpenseFields(input);
    return { ...input };
  },
});

export const DeleteExpenseResolver = stateMove({
  input: DeleteExpenseInput,
  returns: DeletedExpense,
  description: `Deletes an expense. ${WRITE_NOTE}`,
  write: deleteExpense,
  toArgs: (input) => {
    positiveId('input.workspaceId', input.workspaceId);
    uuid('input.expenseId', input.expenseId);
    return { ...input };
  },
});
