import { tags } from '../cache/keys.js';
import { ApprovalStatus, approvalStatus } from './approvals.enums.js';
import { decisions } from './decisions.js';
import { toIsoDateTime } from './dates.js';
import { fromUpstream } from './enum-table.js';
import { list, read, type Reads, write, type WriteOutcome } from './operation.js';

export interface TimeRequestRecord extends WriteOutcome {
  workspaceId: number;
  /** Encrypted string (doc set A) or UUID (doc set B). */
  timeRequestId: string;
  userId: number | null;
  contractId: number | null;
  projectId: number | null;
  taskId: number | null;
  start: string | null;
  end: string | null;
  status: ApprovalStatus;
  notes: string | null;
  comment: string | null;
  updatedBy: number | null;
  createdAt: string | null;
  updatedAt: string | null;
}

interface WireTimeRequest {
  id: string;
  user_id?: number | null;
  contract_id?: number | null;
  project_id?: number | null;
  task_id?: number | null;
  start?: string | null;
  end?: string | null;
  status?: string;
  notes?: string | null;
  activity_description?: string | null;
  comment?: string | null;
  updated_by?: number | null;
  created_at?: string | null;
  updated_at?: string | null;
}

const toTimeRequest = (t: WireTimeRequest, { workspaceId }: { workspaceId: number }): TimeRequestRecord => ({
  workspaceId,
  timeRequestId: String(t.id),
  userId: t.user_id ?? null,
  contractId: t.contract_id ?? null,
  projectId: t.project_id ?? null,
  taskId: t.task_id ?? null,
  start: toIsoDateTime(t.start),
  end: toIsoDateTime(t.end),
  status: fromUpstream(approvalStatus.fromWire, t.status ?? 'pending', 'time request status'),
  // `notes` (doc set B) and `activity_description` (doc set A) name the same text.
  notes: t.notes ?? t.activity_description ?? null,
  comment: t.comment ?? null,
  updatedBy: t.updated_by ?? null,
  createdAt: toIsoDateTime(t.created_at),
  updatedAt: toIsoDateTime(t.updated_at),
});

/** Every time-request read is filed under this tag; every time-request write makes it stale. */
const timeRequestsTag = (workspaceId: number) => tags.workspaceResource(workspaceId, 'time-requests');
const timeRequestTags = (a: { workspaceId: number }) => [
  tags.workspace(a.workspaceId),
  timeRequestsTag(a.workspaceId),
];

export interface TimeRequestsArgs {
  workspaceId: number;
  userId?: number | null;
  projectId?: number | null;
  status?: ApprovalStatus | null;
  /** Inclusive range of the requests' start dates (`date_from`/`date_to`). */
  from?: string | null;
  to?: string | null;
}

/**
 * `GET /time-requests`. Doc set A requires `date_from`/`date_to`, doc set B makes them optional
 * (GAPS Time Requests); the gateway sends them when the client gives them. No pagination block
 * in the docs: a full page of 100 means "there may be more" (paging.ts).
 */
export const timeRequestsList = list<TimeRequestsArgs, WireTimeRequest, TimeRequestRecord>({
  name: 'time-requests',
  path: '/time-requests',
  cache: 'lists',
  query: (a) => ({
    workspace_id: a.workspaceId,
    user_id: a.userId,
    project_id: a.projectId,
    status: approvalStatus.wire(a.status),
    date_from: a.from,
    date_to: a.to,
  }),
  tags: timeRequestTags,
  map: toTimeRequest,
});

export interface TimeRequestKey {
  workspaceId: number;
  timeRequestId: string;
}

/** `GET /time-requests/{id}` (doc set B): the read-back of every time-request write. */
export const timeRequestById = read<TimeRequestKey, WireTimeRequest, TimeRequestRecord>({
  name: 'time-request',
  path: '/time-requests/{id}',
  pathParams: (a) => ({ id: a.timeRequestId }),
  cache: 'lists',
  query: (a) => ({ workspace_id: a.workspaceId }),
  key: (a) => ({ workspace_id: a.workspaceId, id: a.timeRequestId }),
  tags: timeRequestTags,
  map: (t, a) => toTimeRequest(t!, a),
});

export interface CreateTimeRequestArgs {
  workspaceId: number;
  userId: number;
  contractId?: number | null;
  taskId?: number | null;
  start: string;
  end: string;
  notes?: string | null;
}

/** What a time-request write told, completed from its input where the answer is silent. */
const toldRecord = (
  a: { workspaceId: number; timeRequestId: string },
  data: WireTimeRequest | null | undefined,
  status: ApprovalStatus,
): TimeRequestRecord =>
  data && typeof data === 'object' && 'id' in data && Object.keys(data).length > 2
    ? toTimeRequest(data, a)
    : {
        workspaceId: a.workspaceId,
        timeRequestId: String(data?.id ?? a.timeRequestId),
        userId: null,
        contractId: null,
        projectId: null,
        taskId: null,
        start: null,
        end: null,
        status: data?.status
          ? fromUpstream(approvalStatus.fromWire, data.status, 'time request status')
          : status,
        notes: null,
        comment: null,
        updatedBy: null,
        createdAt: null,
        updatedAt: null,
      };

/**
 * `POST /time-requests`. Doc set A reads `activity_description` and answers `{id, status}`; doc
 * set B reads `notes` and answers the whole object: both names are sent, and an answer without
 * the object's fields is completed by a read of the new id (in the resolver, which knows the id).
 * Approving a request adds a time entry: reads built from time entries (time entries, reports,
 * timesheets) declare `changedBy` on the approval and on this create (doc set A may auto-approve).
 */
export const createTimeRequest = write<CreateTimeRequestArgs, WireTimeRequest, TimeRequestRecord>({
  name: 'createTimeRequest',
  method: 'POST',
  path: '/time-requests',
  verb: 'time request',
  subject: 'time requests',
  body: (a) => ({
    workspace_id: a.workspaceId,
    user_id: a.userId,
    contract_id: a.contractId,
    task_id: a.taskId,
    start: a.start,
    end: a.end,
    notes: a.notes,
    activity_description: a.notes,
  }),
  stale: (a) => [timeRequestsTag(a.workspaceId)],
  told: (a, data) => ({
    ...toldRecord({ workspaceId: a.workspaceId, timeRequestId: '' }, data, ApprovalStatus.PENDING),
    ...(data && Object.keys(data).length > 2
      ? {}
      : {
          userId: a.userId,
          contractId: a.contractId ?? null,
          taskId: a.taskId ?? null,
          start: toIsoDateTime(a.start),
          end: toIsoDateTime(a.end),
          notes: a.notes ?? null,
        }),
  }),
});

export interface DecideTimeRequestArgs extends TimeRequestKey {
  comment?: string | null;
}

const readBackTimeRequest = (reads: Reads, a: TimeRequestKey) =>
  reads.read(timeRequestById, { workspaceId: a.workspaceId, timeRequestId: a.timeRequestId });

/**
 * `POST /time-requests/{timeRequestId}/approve` (doc set A's method; `data` may be null) and
 * `/reject` with the required `comment`.
 */
export const { approve: approveTimeRequest, reject: rejectTimeRequest } = decisions({
  noun: 'TimeRequest',
  method: 'POST',
  path: '/time-requests/{timeRequestId}',
  id: (a: DecideTimeRequestArgs) => a.timeRequestId,
  subject: 'time request',
  reasonField: 'comment',
  stale: (a) => [timeRequestsTag(a.workspaceId)],
  told: (a, data: WireTimeRequest | null | undefined, status) =>
    status === ApprovalStatus.REJECTED
      ? { ...toldRecord(a, data, status), comment: data?.comment ?? a.comment ?? null }
      : toldRecord(a, data, status),
  read: readBackTimeRequest,
});
