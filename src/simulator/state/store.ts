import type { Faker } from '@faker-js/faker';
import type {
  MemberStatus,
  Role,
  Contract,
  Expense,
  ExpenseCategory,
  Leave,
  LeavePolicy,
  Membership,
  Project,
  Task,
  TimeEntry,
  TimeRequest,
  Timesheet,
  Tracker,
  User,
  ViewerAccess,
  Webhook,
  Workspace,
} from './model.js';

/**
 * All simulator data, mutable, for one simulator instance. Collections are keyed by id (or by
 * `workspaceId:userId` for per-member records). Maps keep insertion order, which is the list order
 * the API returns (ids ascending). New ids come from the seeded generator, so a run is reproducible.
 */
export class SimState {
  readonly users = new Map<number, User>();
  /** Personal Access Token → user id. */
  readonly tokens = new Map<string, number>();
  readonly workspaces = new Map<number, Workspace>();
  readonly memberships = new Map<string, Membership>();
  readonly projects = new Map<number, Project>();
  readonly contracts = new Map<number, Contract>();
  readonly tasks = new Map<number, Task>();
  readonly viewers = new Map<string, ViewerAccess>();
  readonly timesheets = new Map<string, Timesheet>();
  readonly timeRequests = new Map<string, TimeRequest>();
  readonly leavePolicies = new Map<string, LeavePolicy>();
  readonly leaves = new Map<string, Leave>();
  readonly expenseCategories = new Map<string, ExpenseCategory>();
  readonly expenses = new Map<string, Expense>();
  readonly timeEntries = new Map<string, TimeEntry>();
  readonly trackers = new Map<string, Tracker>();
  readonly webhooks = new Map<string, Webhook>();

  private readonly counters = new Map<string, number>();

  constructor(readonly random: Faker) {}

  /** Next integer id of a kind; sequences start at the given base. */
  nextId(
    kind: 'user' | 'workspace' | 'project' | 'contract' | 'task' | 'tag' | 'policy',
    base: number,
  ): number {
    const next = (this.counters.get(kind) ?? base - 1) + 1;
    this.counters.set(kind, next);
    return next;
  }

  uuid(): string {
    return this.random.string.uuid();
  }

  /** The "encrypted"/encoded string ids of timesheets and webhooks, e.g. `k3j9x0abq2mz`. */
  code(length = 12): string {
    return this.random.string.alphanumeric({ length, casing: 'lower' });
  }

  membership(workspaceId: number, userId: number): Membership | undefined {
    return this.memberships.get(memberKey(workspaceId, userId));
  }

  membersOf(workspaceId: number): Membership[] {
    return [...this.memberships.values()].filter((m) => m.workspaceId === workspaceId);
  }

  projectsOf(workspaceId: number): Project[] {
    return [...this.projects.values()].filter((p) => p.workspaceId === workspaceId);
  }

  contractsOf(workspaceId: number): Contract[] {
    return [...this.contracts.values()].filter((c) => c.workspaceId === workspaceId);
  }
}

export const memberKey = (workspaceId: number, userId: number) => `${workspaceId}:${userId}`;

/** A membership with nothing set but who, where, role and status: what an invite or create makes. */
export function newMembership(
  workspaceId: number,
  userId: number,
  role: Role,
  status: MemberStatus,
  now: string,
): Membership {
  return {
    workspaceId,
    userId,
    role,
    status,
    teamName: null,
    title: null,
    rate: null,
    currency: null,
    rateType: null,
    rateStatus: 0,
    weeklyHoursLimit: null,
    screenshots: null,
    createdAt: now,
    updatedAt: now,
  };
}
