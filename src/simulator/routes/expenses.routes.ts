import type { FastifyInstance } from 'fastify';
import { badRequest, notFound } from '../http/api-error.js';
import { requireRole } from '../http/auth.js';
import { ok, okPage } from '../http/envelope.js';
import { paginate } from '../http/pagination.js';
import {
  assertOrdered,
  optionalBool,
  optionalDate,
  optionalInt,
  optionalNumber,
  optionalString,
  requiredDate,
  requiredNumber,
  requiredString,
  type Source,
} from '../http/params.js';
import { ADMIN_ROLES, type Expense, type ExpenseCategory, type Project } from '../state/model.js';
import type { SimState } from '../state/store.js';
import { ymd } from '../state/time.js';
import { bodyOf, paramsOf, queryOf, type RouteContext, workspaceScope } from './context.js';
import { expenseView } from './expenses.views.js';

/**
 * Expenses (REFERENCE §10.10): Owners and Executive managers (inferred "Who may call") list,
 * create, update and delete the expenses of their workspace; categories are listed for
 * `category_id`.
 */
export function registerExpensesRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/expenses', async (request) => {
    const { state } = ctx;
    const scope = workspaceScope(ctx, request);
    requireRole(scope.membership, ADMIN_ROLES, 'view expenses');
    const query = queryOf(request);
    const id = optionalString(query, 'id');
    const from = optionalDate(query, 'date_from');
    const to = optionalDate(query, 'date_to');
    if (from && to) assertOrdered('date_from', from, 'date_to', to);
    const rows = [...state.expenses.values()]
      .filter(
        (e) =>
          e.workspaceId === scope.workspaceId &&
          (!id || e.id === id) &&
          (!from || e.date >= from) &&
          (!to || e.date <= to),
      )
      .map((e) => expenseView(state, e));
    return okPage(
      paginate(rows, query),
      'Expenses retrieved successfully',
      ctx.profile.paginationOnEveryList,
    );
  });

  /** Static path, registered beside `/expenses/:expenseId` (Fastify prefers static segments). */
  app.get('/expenses/categories', async (request) => {
    const { state } = ctx;
    const scope = workspaceScope(ctx, request);
    requireRole(scope.membership, ADMIN_ROLES, 'view expense categories');
    const rows = [...state.expenseCategories.values()]
      .filter((c) => c.workspaceId === scope.workspaceId)
      .map((c) => ({ id: c.id, name: c.name }));
    return okPage(
      paginate(rows, queryOf(request)),
      'Expense categories retrieved successfully',
      ctx.profile.paginationOnEveryList,
    );
  });

  /**
   * Accepts both documented bodies: doc set B (`expense_name, date, amount, category_id,
   * project_id, note, is_billable`) and the early doc set A one (`amount, category_id,
   * description, date`; `description` is taken as `note`).
   *
   * Assumption (GAPS Expenses, create body): `expense_name` is required, as the MindCloud
   * catalogue reports from the provider's runtime validation, so a pure early-doc-set-A body is a
   * 400 naming it. `is_billable` defaults to the project's billable flag (false without a
   * project). The expense belongs to the caller; `added_dte` is today.
   */
  app.post('/expenses', async (request, reply) => {
    const { state } = ctx;
    const scope = workspaceScope(ctx, request);
    requireRole(scope.membership, ADMIN_ROLES, 'create expenses');
    const body = bodyOf(request);
    const name = requiredString(body, 'expense_name');
    const date = requiredDate(body, 'date');
    const amount = requiredNumber(body, 'amount', { min: 0 });
    const categoryId = body.category_id;
    if (categoryId === undefined || categoryId === null || categoryId === '') {
      throw badRequest('category_id is required');
    }
    const category = findCategory(state, scope.workspaceId, categoryId);
    const project = findProject(state, scope.workspaceId, optionalInt(body, 'project_id', { min: 1 }));
    const expense: Expense = {
      id: state.uuid(),
      workspaceId: scope.workspaceId,
      userId: scope.caller.user.id,
      name,
      date,
      projectId: project?.id ?? null,
      categoryId: category.id,
      amount,
      note: noteOf(body) ?? null,
      isBillable: optionalBool(body, 'is_billable') ?? project?.isBillable ?? false,
      addedAt: ymd(ctx.now()),
    };
    state.expenses.set(expense.id, expense);
    void reply.status(201);
    return ok(expenseView(state, expense), 'Expense created successfully');
  });

  /** Partial update (fields as in create, all optional); `project_id`/`note` null clear them. */
  app.put('/expenses/:expenseId', async (request) => {
    const { state } = ctx;
    const scope = workspaceScope(ctx, request);
    requireRole(scope.membership, ADMIN_ROLES, 'update expenses');
    const expense = findExpense(state, scope.workspaceId, paramsOf(request).expenseId);
    const body = bodyOf(request);
    const name = optionalString(body, 'expense_name');
    if (name !== undefined && name.trim() === '') throw badRequest('expense_name must not be empty');
    const date = optionalDate(body, 'date');
    const amount = optionalNumber(body, 'amount', { min: 0 });
    const category =
      body.category_id === undefined || body.category_id === null || body.category_id === ''
        ? undefined
        : findCategory(state, scope.workspaceId, body.category_id);
    const project =
      body.project_id === null
        ? null
        : findProject(state, scope.workspaceId, optionalInt(body, 'project_id', { min: 1 }));
    const note = noteOf(body);
    const isBillable = optionalBool(body, 'is_billable');
    Object.assign(expense, {
      ...(name === undefined ? {} : { name }),
      ...(date === undefined ? {} : { date }),
      ...(amount === undefined ? {} : { amount }),
      ...(category === undefined ? {} : { categoryId: category.id }),
      ...(project === undefined ? {} : { projectId: project?.id ?? null }),
      ...(note === undefined ? {} : { note }),
      ...(isBillable === undefined ? {} : { isBillable }),
    });
    return ok(expenseView(state, expense), 'Expense updated successfully');
  });

  app.delete('/expenses/:expenseId', async (request) => {
    const { state } = ctx;
    const scope = workspaceScope(ctx, request);
    requireRole(scope.membership, ADMIN_ROLES, 'delete expenses');
    const expense = findExpense(state, scope.workspaceId, paramsOf(request).expenseId);
    state.expenses.delete(expense.id);
    return ok(null, 'Expense deleted successfully');
  });
}

function findExpense(state: SimState, workspaceId: number, id: unknown): Expense {
  const expense = typeof id === 'string' ? state.expenses.get(id) : undefined;
  if (!expense || expense.workspaceId !== workspaceId) {
    throw notFound(`Expense ${String(id)} not found in workspace ${workspaceId}`);
  }
  return expense;
}

function findCategory(state: SimState, workspaceId: number, id: unknown): ExpenseCategory {
  const category = typeof id === 'string' ? state.expenseCategories.get(id) : undefined;
  if (!category || category.workspaceId !== workspaceId) {
    throw notFound(
      `Expense category ${JSON.stringify(id)} not found in workspace ${workspaceId} (see GET /expenses/categories)`,
    );
  }
  return category;
}

/** `undefined` in, `undefined` out (not sent); otherwise a live project of the workspace or 404. */
function findProject(state: SimState, workspaceId: number, id: number | undefined): Project | undefined {
  if (id === undefined) return undefined;
  const project = state.projects.get(id);
  if (!project || project.workspaceId !== workspaceId || project.deletedAt) {
    throw notFound(`Project ${id} not found in workspace ${workspaceId}`);
  }
  return project;
}

/** `note` (doc set B) or `description` (early doc set A); null clears. */
function noteOf(body: Source): string | null | undefined {
  const key = body.note !== undefined ? 'note' : 'description';
  if (body[key] === null) return null;
  return optionalString(body, key, { maxLength: 1000 });
}
