import type { Expense } from '../state/model.js';
import type { SimState } from '../state/store.js';
import { prettyDate } from '../state/time.js';
import { fullName } from './time-entries.views.js';

/**
 * The Expense wire object (REFERENCE §9.13): dates pre-formatted ("Jan 15, 2024"), the legacy
 * spelling `added_dte`, project and category as NAMES (not ids), and `type` billable/non-billable.
 */
export function expenseView(state: SimState, expense: Expense): Record<string, unknown> {
  const project = expense.projectId === null ? undefined : state.projects.get(expense.projectId);
  const category = expense.categoryId === null ? undefined : state.expenseCategories.get(expense.categoryId);
  return {
    id: expense.id,
    member: fullName(state.users.get(expense.userId)),
    expense_date: prettyDate(expense.date),
    expense_name: expense.name,
    project: project?.name ?? null,
    category: category?.name ?? null,
    amount: expense.amount,
    note: expense.note,
    type: expense.isBillable ? 'billable' : 'non-billable',
    added_dte: prettyDate(expense.addedAt),
  };
}
