import { daysInclusive } from '../http/params.js';
import type { Leave, LeavePolicy, Membership } from '../state/model.js';
import type { SimState } from '../state/store.js';
import type { Profile } from '../profile.js';

/** Hours per leave day for `total.hours` and the policies' `hours_per_day`. */
export const HOURS_PER_DAY = 8;

/** Calendar days of a leave that fall inside [from, to] (inclusive); 0 when they do not meet. */
export function daysWithin(leave: Leave, from: string, to: string): number {
  const start = leave.startDate > from ? leave.startDate : from;
  const end = leave.endDate < to ? leave.endDate : to;
  return end < start ? 0 : daysInclusive(start, end);
}

/**
 * REFERENCE §9.11 Leave. `end_date`, `created_on` and `total` come from the legacy V1 docs (GAPS
 * Leaves). `lenient` adds `policy_id` and `leave_type` (the policy name) so a client can tell
 * leaves apart; no doc shows them, so `docs-exact` does not (profile `undocumentedFields`).
 * Assumption (GAPS Leaves): `total.days` counts calendar days, `total.hours` 8 per day.
 */
export function leaveView(state: SimState, leave: Leave, profile: Profile): Record<string, unknown> {
  const days = daysInclusive(leave.startDate, leave.endDate);
  const policy = leave.policyId === null ? undefined : state.leavePolicies.get(leave.policyId);
  return {
    id: leave.id,
    user_id: leave.userId,
    ...(profile.undocumentedFields
      ? { policy_id: policy ? policyId(policy, profile) : null, leave_type: policy?.name ?? null }
      : {}),
    status: leave.status,
    note: leave.note,
    is_paid: leave.isPaid ? 'yes' : 'no',
    created_by: leave.createdBy,
    approved_by: leave.approvedBy,
    rejected_by: leave.rejectedBy,
    reject_reason: leave.rejectReason,
    start_date: leave.startDate,
    end_date: leave.endDate,
    created_on: leave.createdOn,
    total: { days, hours: days * HOURS_PER_DAY },
  };
}

/** A policy's wire id: the integer the docs show, or the historical UUID (profile `leavePolicyIds`). */
export const policyId = (policy: LeavePolicy, profile: Profile): string | number =>
  profile.leavePolicyIds === 'integer' ? policy.number : policy.id;

/**
 * Inferred fields of `GET /leaves/policies` (REFERENCE §10.9): id, name, is_paid, time_unit;
 * `lenient` adds `days_per_year` and `hours_per_day` (profile `undocumentedFields`).
 */
export function policyView(policy: LeavePolicy, profile: Profile): Record<string, unknown> {
  return {
    id: policyId(policy, profile),
    name: policy.name,
    is_paid: policy.isPaid ? 'yes' : 'no',
    time_unit: 'days',
    ...(profile.undocumentedFields
      ? { days_per_year: policy.daysPerYear, hours_per_day: HOURS_PER_DAY }
      : {}),
  };
}

const formatDays = (n: number) => `${n} ${Math.abs(n) === 1 ? 'day' : 'days'}`;

/**
 * REFERENCE §9.12 LeaveBalance for one member over [from, to].
 *
 * Assumption (GAPS Leaves): a policy's balance is its yearly allowance minus the member's approved
 * leave days of that policy inside the range (pending and rejected leaves do not count; it can go
 * negative). Policies without an allowance (`days_per_year` 0, e.g. unpaid leave) have no balance
 * and are left out. `total_balance` (documented "only when balance mode is total") is always given,
 * as the sum of the listed balances, since the simulator has no balance modes.
 */
export function balanceView(
  state: SimState,
  member: Membership,
  policies: LeavePolicy[],
  from: string,
  to: string,
): Record<string, unknown> {
  const user = state.users.get(member.userId);
  const approved = [...state.leaves.values()].filter(
    (l) => l.workspaceId === member.workspaceId && l.userId === member.userId && l.status === 'approved',
  );
  const information = policies
    .filter((p) => p.daysPerYear > 0)
    .map((policy) => {
      const used = approved
        .filter((l) => l.policyId === policy.id)
        .reduce((sum, l) => sum + daysWithin(l, from, to), 0);
      return { leave_type: policy.name, balance: policy.daysPerYear - used };
    });
  const total = information.reduce((sum, i) => sum + i.balance, 0);
  return {
    user_id: member.userId,
    user_name: user ? `${user.firstname} ${user.lastname}` : null,
    leave_information: information.map((i) => ({ leave_type: i.leave_type, balance: formatDays(i.balance) })),
    total_balance: formatDays(total),
  };
}
