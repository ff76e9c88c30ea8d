import type { Profile } from '../profile.js';
import type { Timesheet, TimesheetStatus } from '../state/model.js';
import type { SimState } from '../state/store.js';

interface BreakdownRow {
  project_id: number | null;
  project_name: string | null;
  contract_id: number | null;
  total_minutes: number;
  total_amount?: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * One timesheet on the wire: the doc set A fields (REFERENCE §9.9) plus doc set B's `total_hours`
 * and `reject_reason` (§9.8). Totals are computed from the member's time entries whose start date
 * (UTC) lies in the period, so new or approved manual time shows up at once.
 *
 * Assumption (GAPS Timesheets): `daily_breakdown` lists only days with time, keyed `Y-m-d`, one row
 * per contract; `total_amount` is a number (hours x contract rate, billable projects only, in the
 * contract's currency) and appears, here and per row, only when the caller may view rates.
 */
export function timesheetView(
  state: SimState,
  sheet: Timesheet,
  showRates: boolean,
  profile: Profile,
): Record<string, unknown> {
  const user = state.users.get(sheet.userId);
  const breakdown: Record<string, BreakdownRow[]> = {};
  let totalMinutes = 0;
  let totalAmount = 0;
  const entries = [...state.timeEntries.values()]
    .filter((e) => e.workspaceId === sheet.workspaceId && e.userId === sheet.userId)
    .filter((e) => e.start.slice(0, 10) >= sheet.dateFrom && e.start.slice(0, 10) <= sheet.dateTo)
    .sort((a, b) => a.start.localeCompare(b.start));
  for (const entry of entries) {
    const minutes = Math.round((Date.parse(entry.end) - Date.parse(entry.start)) / 60_000);
    const contract = entry.contractId === null ? undefined : state.contracts.get(entry.contractId);
    const project = entry.projectId === null ? undefined : state.projects.get(entry.projectId);
    const rate = project?.isBillable ? (contract?.rate ?? 0) : 0;
    const day = entry.start.slice(0, 10);
    const rows = (breakdown[day] ??= []);
    let row = rows.find((r) => r.contract_id === entry.contractId && r.project_id === entry.projectId);
    if (!row) {
      row = {
        project_id: entry.projectId,
        project_name: project?.name ?? null,
        contract_id: entry.contractId,
        total_minutes: 0,
        ...(showRates ? { total_amount: 0 } : {}),
      };
      rows.push(row);
    }
    row.total_minutes += minutes;
    if (row.total_amount !== undefined) row.total_amount = round2(row.total_amount + (minutes / 60) * rate);
    totalMinutes += minutes;
    totalAmount += (minutes / 60) * rate;
  }
  return {
    id: sheet.id,
    user_id: sheet.userId,
    member: user ? `${user.firstname} ${user.lastname}` : null,
    date_from: sheet.dateFrom,
    date_to: sheet.dateTo,
    total_minutes: totalMinutes,
    total_hours: round2(totalMinutes / 60),
    ...(showRates ? { total_amount: round2(totalAmount) } : {}),
    status: wireStatus(sheet.status, profile),
    submitted_on: sheet.submittedOn,
    reject_reason: sheet.rejectReason,
    daily_breakdown: breakdown,
  };
}

/** A status on the wire: the store's `pending` is named by profile `timesheetDraftStatus`. */
export const wireStatus = (status: TimesheetStatus, profile: Profile): string =>
  status === 'pending' ? profile.timesheetDraftStatus : status;
