/**
 * The simulator's internal records. Close to the wire objects of REFERENCE.md §9 but normalised
 * (ids instead of embedded names); `views.ts` files in `routes/` turn them into wire shapes.
 */

export const ROLES = [
  'Owner',
  'Project viewer',
  'Executive manager',
  'Team manager',
  'Project manager',
  'Regular User',
] as const;
export type Role = (typeof ROLES)[number];
/** Roles that may be granted through the API (invite / update): never Owner. */
export const ASSIGNABLE_ROLES = [
  'Regular User',
  'Project manager',
  'Team manager',
  'Executive manager',
  'Project viewer',
] as const;
export const MEMBER_STATUSES = ['active', 'inactive', 'left', 'unknown'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export const ADMIN_ROLES: readonly Role[] = ['Owner', 'Executive manager'];
export const TASK_MANAGER_ROLES: readonly Role[] = [
  'Owner',
  'Executive manager',
  'Project manager',
  'Team manager',
];

export interface User {
  id: number;
  email: string;
  firstname: string;
  lastname: string;
  avatar: string | null;
  timezone: string | null;
}

export interface Workspace {
  id: number;
  name: string;
  ownerId: number;
  createdAt: string;
  activatedAt: string;
}

/** A user's place in one workspace (the Member object is User + Membership). */
export interface Membership {
  workspaceId: number;
  userId: number;
  role: Role;
  status: MemberStatus;
  teamName: string | null;
  title: string | null;
  rate: number | null;
  currency: string | null;
  rateType: string | null;
  /** 0 = rate hidden, 1 = visible (PUT /members `rate_status`). */
  rateStatus: 0 | 1;
  weeklyHoursLimit: number | null;
  screenshots: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Tag {
  id: number;
  name: string;
  color: string;
}

export interface Project {
  id: number;
  workspaceId: number;
  name: string;
  ownerId: number;
  startDate: string | null;
  deadline: string | null;
  estimation: number | null;
  budget: number | null;
  notes: string | null;
  icon: string | null;
  isBillable: boolean;
  rate: number | null;
  weeklyHoursLimit: number | null;
  screenshots: string | null;
  tags: Tag[];
  /** 1 = active, 0 = archived (assumption: the docs show only `1`). */
  status: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

export const CONTRACT_SCREENSHOTS = [
  'full',
  'blurred',
  'no_preview',
  'no_screenshot',
  'background_blurred',
  'video_full',
  'video_blurred',
  'video_full_silent',
  'video_blurred_silent',
] as const;

export interface Contract {
  id: number;
  workspaceId: number;
  projectId: number;
  userId: number;
  weeklyHoursLimit: number | null;
  screenshots: (typeof CONTRACT_SCREENSHOTS)[number] | null;
  rate: number | null;
  /** 1 = Custom Rate, 2 = Member Rate, 3 = Project Rate. */
  rateType: 1 | 2 | 3 | null;
  status: 'active' | 'paused';
  currency: string | null;
  createdAt: string;
  updatedAt: string;
}

export const TASK_STATUSES = [0, 10, 20, 30] as const;
export const TASK_PRIORITIES = [10, 20, 30, 40] as const;

export interface Task {
  id: number;
  workspaceId: number;
  projectId: number;
  title: string;
  description: string | null;
  ownerId: number;
  creatorId: number;
  status: (typeof TASK_STATUSES)[number];
  priority: (typeof TASK_PRIORITIES)[number];
  startDate: string | null;
  endDate: string | null;
  completedAt: string | null;
  assigneeIds: number[];
  parentId: number | null;
  createdAt: string;
  updatedAt: string;
}

/** A project viewer is a membership with role `Project viewer` plus the projects it may see. */
export interface ViewerAccess {
  workspaceId: number;
  userId: number;
  projectIds: number[];
  memberSince: string;
}

export type TimesheetStatus = 'pending' | 'submitted' | 'approved' | 'rejected';
export interface Timesheet {
  id: string;
  workspaceId: number;
  userId: number;
  dateFrom: string;
  dateTo: string;
  status: TimesheetStatus;
  submittedOn: string | null;
  rejectReason: string | null;
  reviewedBy: number | null;
}

export type ApprovalStatus = 'pending' | 'approved' | 'rejected';
export interface TimeRequest {
  id: string;
  workspaceId: number;
  userId: number;
  contractId: number | null;
  projectId: number | null;
  taskId: number | null;
  start: string;
  end: string;
  status: ApprovalStatus;
  notes: string | null;
  comment: string | null;
  updatedBy: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface LeavePolicy {
  /** The UUID the `lenient` profile shows (and the store key). */
  id: string;
  /** The integer id the docs show (`policy_id` 456), served by `docs-exact`. */
  number: number;
  workspaceId: number;
  name: string;
  isPaid: boolean;
  daysPerYear: number;
}

export interface Leave {
  id: string;
  workspaceId: number;
  userId: number;
  policyId: string | null;
  status: ApprovalStatus;
  note: string | null;
  isPaid: boolean;
  createdBy: number;
  approvedBy: number | null;
  rejectedBy: number | null;
  rejectReason: string | null;
  startDate: string;
  endDate: string;
  createdOn: string;
}

export interface ExpenseCategory {
  id: string;
  workspaceId: number;
  name: string;
}

export interface Expense {
  id: string;
  workspaceId: number;
  userId: number;
  name: string;
  /** Y-m-d; rendered "Jan 15, 2024" on the wire. */
  date: string;
  projectId: number | null;
  categoryId: string | null;
  amount: number;
  note: string | null;
  isBillable: boolean;
  addedAt: string;
}

export const TIME_ENTRY_METHODS = [
  'Desktop tracker',
  'Mobile tracker',
  'Manually added time',
  'Extension tracker',
  'Web tracker',
  'Idle time',
  'Paid leave',
  'Break',
  'Paid holiday',
] as const;

export interface TimeEntry {
  id: string;
  workspaceId: number;
  userId: number;
  contractId: number | null;
  projectId: number | null;
  taskId: number | null;
  activityDescription: string | null;
  method: (typeof TIME_ENTRY_METHODS)[number];
  /** ISO 8601 UTC. */
  start: string;
  end: string;
}

/**
 * Where a tracker runs. current-data "Only works when the tracker was started from the API or the
 * browser" (REFERENCE §10.11), so a `desktop` tracker is invisible there under `docs-exact`.
 */
export type TrackerSource = 'api' | 'browser' | 'desktop';

/** A running tracker (at most one per user per workspace). Stopping turns it into a TimeEntry. */
export interface Tracker {
  source: TrackerSource;
  workspaceId: number;
  userId: number;
  contractId: number | null;
  projectId: number | null;
  taskId: number | null;
  activityDescription: string | null;
  startedAt: string;
}

export const WEBHOOK_EVENTS = [
  'tracker.started',
  'tracker.stopped',
  'member.invited',
  'member.updated',
  'member.deleted',
  'member.activated',
  'member.archived',
  'project.created',
  'project.updated',
  'project.deleted',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export interface Webhook {
  id: string;
  workspaceId: number;
  createdBy: number;
  url: string;
  events: WebhookEvent[];
  token: string;
  createdAt: string;
}
