import { tags } from '../cache/keys.js';
import { ApprovalStatus, approvalStatus } from './approvals.enums.js';
import { decisions } from './decisions.js';
import { toIsoDate } from './dates.js';
import { fromUpstream } from './enum-table.js';
import { list, type Reads, write, type WriteOutcome } from './operation.js';

export interface LeaveRecord extends WriteOutcome {
  workspaceId: number;
  /** UUID. */
  leaveId: string;
  userId: number | null;
  /**
   * The policy, when WebWork names it. The docs show no `policy_id` on a leave (REFERENCE §9.11):
   * then the gateway finds it by listing leaves per policy (leave.resolver.ts).
   */
  policyId: string | null;
  status: ApprovalStatus;
  note: string | null;
  isPaid: boolean | null;
  createdBy: number | null;
  approvedBy: number | null;
  rejectedBy: number | null;
  rejectReason: string | null;
  startDate: string | null;
  endDate: string | null;
  createdOn: string | null;
  days: number | null;
  hours: number | null;
}

interface WireLeave {
  id: string;
  user_id?: number | null;
  policy_id?: number | string | null;
  status?: string;
  note?: string | null;
  is_paid?: string | boolean | null;
  created_by?: number | null;
  approved_by?: number | null;
  rejected_by?: number | null;
  reject_reason?: string | null;
  start_date?: string | null;
  end_date?: string | null;
  created_on?: string | null;
  total?: { days?: number | null; hours?: number | null } | null;
}

/** `"yes"`/`"no"` (documented) or a boolean. */
const yesNo = (value: unknown): boolean | null =>
  value === true || value === 'yes' ? true : value === false || value === 'no' ? false : null;

const toLeave = (l: WireLeave, { workspaceId }: { workspaceId: number }): LeaveRecord => ({
  workspaceId,
  leaveId: String(l.id),
  userId: l.user_id ?? null,
  policyId: l.policy_id == null ? null : String(l.policy_id),
  status: fromUpstream(approvalStatus.fromWire, l.status ?? 'pending', 'leave status'),
  note: l.note ?? null,
  isPaid: yesNo(l.is_paid),
  createdBy: l.created_by ?? null,
  approvedBy: l.approved_by ?? null,
  rejectedBy: l.rejected_by ?? null,
  rejectReason: l.reject_reason ?? null,
  startDate: toIsoDate(l.start_date),
  endDate: toIsoDate(l.end_date),
  createdOn: toIsoDate(l.created_on),
  days: l.total?.days ?? null,
  hours: l.total?.hours ?? null,
});

/**
 * Leaves, balances and policies are filed under one tag: every leave write makes it stale (a
 * decision changes balances). Policies change only in WebWork's web app (no operation, no webhook
 * event), so they are filed there too: they refresh with the next leave write, or by TTL.
 */
const leavesTag = (workspaceId: number) => tags.workspaceResource(workspaceId, 'leaves');
const leaveTags = (a: { workspaceId: number }) => [tags.workspace(a.workspaceId), leavesTag(a.workspaceId)];

/** A policy id as WebWork spells it: an integer where it is one (REFERENCE §10.9), else the string. */
export const wirePolicyId = (id: string | null | undefined): string | number | undefined =>
  id == null ? undefined : /^\d+$/.test(id) ? Number(id) : id;

export interface LeavesArgs {
  workspaceId: number;
  userId?: number | null;
  policyId?: string | null;
  status?: ApprovalStatus | null;
  isPaid?: boolean | null;
  /** Leaves whose days overlap this inclusive range. */
  from?: string | null;
  to?: string | null;
  /** One leave by id (the read-back of a decision). */
  id?: string | null;
}

/** `GET /leaves`. */
export const leavesList = list<LeavesArgs, WireLeave, LeaveRecord>({
  name: 'leaves',
  path: '/leaves',
  cache: 'lists',
  query: (a) => ({
    workspace_id: a.workspaceId,
    user_id: a.userId,
    policy_id: wirePolicyId(a.policyId),
    status: approvalStatus.wire(a.status),
    is_paid: a.isPaid == null ? undefined : a.isPaid ? 'yes' : 'no',
    date_from: a.from,
    date_to: a.to,
    id: a.id,
  }),
  tags: leaveTags,
  map: toLeave,
});

export interface LeavePolicyRecord {
  workspaceId: number;
  policyId: string;
  name: string;
  isPaid: boolean | null;
  timeUnit: string | null;
}

interface WirePolicy {
  id: number | string;
  name?: string;
  is_paid?: string | boolean | null;
  time_unit?: string | null;
}

/** `GET /leaves/policies` (path and fields inferred, REFERENCE §10.9): small, read whole. */
export const leavePoliciesList = list<{ workspaceId: number }, WirePolicy, LeavePolicyRecord>({
  name: 'leave-policies',
  path: '/leaves/policies',
  cache: 'lists',
  entry: 'whole',
  query: (a) => ({ workspace_id: a.workspaceId }),
  tags: leaveTags,
  map: (p, { workspaceId }) => ({
    workspaceId,
    policyId: String(p.id),
    name: p.name ?? '',
    isPaid: yesNo(p.is_paid),
    timeUnit: p.time_unit ?? null,
  }),
});

export interface LeaveBalanceRecord {
  workspaceId: number;
  userId: number;
  from: string;
  to: string;
  userName: string | null;
  items: { leaveType: string; balance: string }[];
  totalBalance: string | null;
}

interface WireBalance {
  user_id: number;
  user_name?: string | null;
  leave_information?: { leave_type: string; balance: string | number }[] | null;
  total_balance?: string | number | null;
}

export interface LeaveBalancesArgs {
  workspaceId: number;
  from: string;
  to: string;
}

/**
 * `GET /leaves/balances` for the whole workspace over one range: one call serves every member's
 * `leaveBalances` of the request (the loader in leave.resolver.ts picks each member's row).
 */
export const leaveBalancesList = list<LeaveBalancesArgs, WireBalance, LeaveBalanceRecord>({
  name: 'leave-balances',
  path: '/leaves/balances',
  cache: 'lists',
  query: (a) => ({ workspace_id: a.workspaceId, date_from: a.from, date_to: a.to }),
  tags: leaveTags,
  map: (b, a) => ({
    workspaceId: a.workspaceId,
    userId: b.user_id,
    from: a.from,
    to: a.to,
    userName: b.user_name ?? null,
    items: (b.leave_information ?? []).map((i) => ({ leaveType: i.leave_type, balance: String(i.balance) })),
    totalBalance: b.total_balance == null ? null : String(b.total_balance),
  }),
});

export interface RequestLeaveArgs {
  workspaceId: number;
  userId: number;
  policyId: string;
  start: string;
  end: string;
  reason?: string | null;
}

/** The leave just requested: the user's pending leave with exactly these dates (overlaps are refused). */
const readRequestedLeave = async (reads: Reads, a: RequestLeaveArgs): Promise<LeaveRecord | null> => {
  const page = await reads.page(
    leavesList,
    { workspaceId: a.workspaceId, userId: a.userId, from: a.start, to: a.end },
    1,
  );
  return (
    page.items.find(
      (l) => l.startDate === a.start && l.endDate === a.end && l.status !== ApprovalStatus.REJECTED,
    ) ?? null
  );
};

/**
 * `POST /leaves` (doc set A). Its answer has no `data`, so no id: the new leave is read back from
 * `GET /leaves` by user and dates.
 */
export const requestLeave = write<RequestLeaveArgs, unknown, LeaveRecord>({
  name: 'requestLeave',
  method: 'POST',
  path: '/leaves',
  verb: 'leave request',
  subject: "member's leaves",
  body: (a) => ({
    workspace_id: a.workspaceId,
    user_id: a.userId,
    policy_id: wirePolicyId(a.policyId),
    start: a.start,
    end: a.end,
    reason: a.reason,
  }),
  stale: (a) => [leavesTag(a.workspaceId)],
  told: (a) => ({
    workspaceId: a.workspaceId,
    leaveId: '',
    userId: a.userId,
    policyId: a.policyId,
    status: ApprovalStatus.PENDING,
    note: a.reason ?? null,
    isPaid: null,
    createdBy: null,
    approvedBy: null,
    rejectedBy: null,
    rejectReason: null,
    startDate: a.start,
    endDate: a.end,
    createdOn: null,
    days: null,
    hours: null,
  }),
  readBack: {
    read: async (reads, a) => readRequestedLeave(reads, a),
    merge: (fresh, told) => ({ ...fresh, policyId: fresh.policyId ?? told.policyId }),
    applied: (state) => state.leaveId !== '',
  },
});

export interface DecideLeaveArgs {
  workspaceId: number;
  leaveId: string;
  reason?: string | null;
}

const readLeave = async (reads: Reads, a: DecideLeaveArgs): Promise<LeaveRecord | null> =>
  (await reads.page(leavesList, { workspaceId: a.workspaceId, id: a.leaveId }, 1)).items[0] ?? null;

const decidedLeave = (a: DecideLeaveArgs, data: WireLeave | null | undefined, status: ApprovalStatus) =>
  data && typeof data === 'object' && 'id' in data
    ? toLeave(data, a)
    : {
        workspaceId: a.workspaceId,
        leaveId: a.leaveId,
        userId: null,
        policyId: null,
        status,
        note: null,
        isPaid: null,
        createdBy: null,
        approvedBy: null,
        rejectedBy: null,
        rejectReason: status === ApprovalStatus.REJECTED ? (a.reason ?? null) : null,
        startDate: null,
        endDate: null,
        createdOn: null,
        days: null,
        hours: null,
      };

/**
 * `PUT /leaves/{leaveId}/approve` and `/reject` with the required `reason` (inferred operations, as
 * legacy V1; GAPS Leaves). `data` may be null.
 */
export const { approve: approveLeave, reject: rejectLeave } = decisions({
  noun: 'Leave',
  method: 'PUT',
  path: '/leaves/{leaveId}',
  id: (a: DecideLeaveArgs) => a.leaveId,
  subject: 'leave',
  reasonField: 'reason',
  stale: (a) => [leavesTag(a.workspaceId)],
  told: decidedLeave,
  read: readLeave,
  merge: (fresh, told) => ({ ...fresh, policyId: fresh.policyId ?? told.policyId }),
});
