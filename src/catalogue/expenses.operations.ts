import { tags } from '../cache/keys.js';
import { toIsoDate } from './dates.js';
import { type ExpenseBilling, expenseBilling } from './expenses.enums.js';
import { list, write, type WriteOutcome } from './operation.js';

export interface ExpenseRecord extends WriteOutcome {
  workspaceId: number;
  /** UUID. */
  expenseId: string;
  name: string | null;
  date: string | null;
  amount: number | null;
  note: string | null;
  billing: ExpenseBilling | null;
  addedOn: string | null;
  /** Full name of the creator (the wire gives a name, not an id). */
  memberName: string | null;
  /** Project and category NAMES as WebWork sends them (REFERENCE §9.13: not ids). */
  projectName: string | null;
  categoryName: string | null;
}

interface WireExpense {
  id: string;
  member?: string | null;
  expense_date?: string | null;
  expense_name?: string | null;
  project?: string | null;
  category?: string | null;
  amount?: number | string | null;
  note?: string | null;
  type?: string | null;
  added_dte?: string | null;
}

const toNumber = (v: unknown): number | null => {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
};

/** An unknown `type` is null (the field is not documented as always present). */
const billingOf = (type: unknown): ExpenseBilling | null => expenseBilling.fromWire[String(type)] ?? null;

export const toExpense = (e: WireExpense, { workspaceId }: { workspaceId: number }): ExpenseRecord => ({
  workspaceId,
  expenseId: String(e.id),
  name: e.expense_name ?? null,
  date: toIsoDate(e.expense_date),
  amount: toNumber(e.amount),
  note: e.note ?? null,
  billing: billingOf(e.type),
  addedOn: toIsoDate(e.added_dte),
  memberName: e.member ?? null,
  projectName: e.project ?? null,
  categoryName: e.category ?? null,
});

export interface ExpensesArgs {
  workspaceId: number;
  expenseId?: string | null;
  dateFrom?: string | null;
  dateTo?: string | null;
}

const expensesTag = (workspaceId: number) => tags.workspaceResource(workspaceId, 'expenses');

/**
 * `GET /expenses` (Owners and Executive Managers, inferred). Its examples show no pagination
 * block (GAPS G8): a full page of 100 then means "there may be more".
 */
export const expensesList = list<ExpensesArgs, WireExpense, ExpenseRecord>({
  name: 'expenses',
  path: '/expenses',
  cache: 'lists',
  query: (a) => ({ workspace_id: a.workspaceId, id: a.expenseId, date_from: a.dateFrom, date_to: a.dateTo }),
  tags: (a) => [tags.workspace(a.workspaceId), expensesTag(a.workspaceId)],
  map: toExpense,
});

export interface ExpenseCategoryRecord {
  workspaceId: number;
  categoryId: string;
  name: string | null;
}

/** `GET /expenses/categories` (inferred operation; fields `id`, `name` inferred). */
export const expenseCategoriesList = list<
  { workspaceId: number },
  { id: string | number; name?: string | null },
  ExpenseCategoryRecord
>({
  name: 'expenseCategories',
  path: '/expenses/categories',
  cache: 'lists',
  query: (a) => ({ workspace_id: a.workspaceId }),
  // No WebWork operation or event changes categories (they are managed in the web app only), so
  // they are filed with the expenses: an expense write (which names a category) refreshes them,
  // otherwise they refresh by TTL.
  tags: (a) => [tags.workspace(a.workspaceId), expensesTag(a.workspaceId)],
  map: (c, { workspaceId }) => ({ workspaceId, categoryId: String(c.id), name: c.name ?? null }),
});

export interface ExpenseFields {
  name?: string | null;
  date?: string | null;
  amount?: number | null;
  categoryId?: string | null;
  projectId?: number | null;
  note?: string | null;
  billable?: boolean | null;
}

export interface CreateExpenseArgs extends ExpenseFields {
  workspaceId: number;
}

export interface UpdateExpenseArgs extends ExpenseFields {
  workspaceId: number;
  expenseId: string;
}

const expenseBody = (a: CreateExpenseArgs) => ({
  workspace_id: a.workspaceId,
  expense_name: a.name,
  date: a.date,
  amount: a.amount,
  category_id: a.categoryId,
  project_id: a.projectId,
  note: a.note,
  is_billable: a.billable,
});

/** The expense WebWork answered with, or (no object in the answer) what the input said. */
const toldExpense = (a: CreateExpenseArgs & { expenseId?: string }, e: WireExpense | null | undefined) =>
  e && e.id != null
    ? toExpense(e, a)
    : {
        workspaceId: a.workspaceId,
        expenseId: a.expenseId ?? '',
        name: a.name ?? null,
        date: a.date ?? null,
        amount: a.amount ?? null,
        note: a.note ?? null,
        billing: a.billable == null ? null : a.billable ? ('BILLABLE' as const) : ('NON_BILLABLE' as const),
        addedOn: null,
        memberName: null,
        projectName: null,
        categoryName: null,
      };

/** `POST /expenses` (201, the Expense). Never retried: a repeat would add a second expense. */
export const createExpense = write<CreateExpenseArgs, WireExpense, ExpenseRecord>({
  name: 'createExpense',
  method: 'POST',
  path: '/expenses',
  verb: 'create',
  subject: 'expenses',
  body: expenseBody,
  stale: (a) => [expensesTag(a.workspaceId)],
  told: toldExpense,
});

/** `PUT /expenses/{expenseId}` (doc set B; body fields inferred to mirror create, all optional). */
export const updateExpense = write<UpdateExpenseArgs, WireExpense, ExpenseRecord>({
  name: 'updateExpense',
  method: 'PUT',
  path: '/expenses/{expenseId}',
  pathParams: (a) => ({ expenseId: a.expenseId }),
  verb: 'update',
  subject: 'expense',
  body: expenseBody,
  stale: (a) => [expensesTag(a.workspaceId)],
  told: toldExpense,
});

export interface DeletedRecord extends WriteOutcome {
  workspaceId: number;
  deletedId: string;
}

/** `DELETE /expenses/{expenseId}` (inferred operation; `workspace_id` in the body, inferred). */
export const deleteExpense = write<{ workspaceId: number; expenseId: string }, unknown, DeletedRecord>({
  name: 'deleteExpense',
  method: 'DELETE',
  path: '/expenses/{expenseId}',
  pathParams: (a) => ({ expenseId: a.expenseId }),
  verb: 'delete',
  subject: 'expenses',
  body: (a) => ({ workspace_id: a.workspaceId }),
  stale: (a) => [expensesTag(a.workspaceId)],
  told: (a) => ({ workspaceId: a.workspaceId, deletedId: a.expenseId }),
});
