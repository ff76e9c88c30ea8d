import { Faker, base, en } from '@faker-js/faker';
import type { SimulatorOptions } from '../options.js';
import {
  type Contract,
  CONTRACT_SCREENSHOTS,
  type Membership,
  type MemberStatus,
  type Project,
  type Role,
  TASK_PRIORITIES,
  TASK_STATUSES,
  type TimeEntry,
  type TimesheetStatus,
  type Tracker,
  type ApprovalStatus,
  type User,
} from './model.js';
import { memberKey, SimState } from './store.js';
import { DEMO_TOKENS, userToken } from './demo-tokens.js';
import { addDays, DAY_MS, isoSeconds, ymd } from './time.js';

/**
 * Builds deterministic demo data: the same seed and sizes give the same workspaces, people, ids
 * and relations (timestamps are relative to `now`, so "today" always has data).
 *
 * Workspace 1 gets the sizes from the options; workspace 2 and further ones are small (a fifth).
 * Role mix per workspace: one Owner, Executive managers, Team managers, Project managers, Project
 * viewers and Regular Users, with a few inactive / left / unknown members.
 */
export function seedState(options: SimulatorOptions, now = new Date()): SimState {
  const random = new Faker({ locale: [en, base] });
  random.seed(options.seed);
  const state = new SimState(random);
  const today = ymd(now);

  const newUser = (): User => {
    const firstname = random.person.firstName();
    const lastname = random.person.lastName();
    const id = state.nextId('user', 100);
    const user: User = {
      id,
      firstname,
      lastname,
      email: `${firstname}.${lastname}.${id}@example.com`.toLowerCase().replace(/[^a-z0-9.@]/g, ''),
      avatar: random.datatype.boolean() ? `avatar-${id}.jpg` : null,
      timezone: random.helpers.arrayElement(['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Yerevan']),
    };
    state.users.set(id, user);
    state.tokens.set(userToken(id), id);
    return user;
  };

  const addMember = (workspaceId: number, user: User, role: Role, status: MemberStatus = 'active') => {
    const created = isoSeconds(new Date(now.getTime() - random.number.int({ min: 30, max: 700 }) * DAY_MS));
    const membership: Membership = {
      workspaceId,
      userId: user.id,
      role,
      status,
      teamName: random.helpers.arrayElement(['Development Team', 'Design Team', 'Support Team', null]),
      title: random.helpers.maybe(() => random.person.jobTitle(), { probability: 0.6 }) ?? null,
      rate: random.number.int({ min: 15, max: 120 }),
      currency: 'USD',
      rateType: 'hourly',
      rateStatus: role === 'Owner' || role === 'Executive manager' ? 1 : random.helpers.arrayElement([0, 1]),
      weeklyHoursLimit: random.helpers.arrayElement([null, 20, 40]),
      screenshots: random.helpers.arrayElement(['full', 'blurred', null]),
      createdAt: created,
      updatedAt: created,
    };
    state.memberships.set(memberKey(workspaceId, user.id), membership);
    return membership;
  };

  const users1: User[] = [];
  for (let w = 1; w <= options.workspaces; w++) {
    const size =
      w === 1 ? options.membersPerWorkspace : Math.max(6, Math.round(options.membersPerWorkspace / 5));
    const owner = newUser();
    const workspaceId = state.nextId('workspace', 1);
    const created = new Date(now.getTime() - 800 * DAY_MS);
    state.workspaces.set(workspaceId, {
      id: workspaceId,
      name: w === 1 ? 'Acme Studio' : w === 2 ? 'Globex Labs' : `${random.company.name()} Workspace`,
      ownerId: owner.id,
      createdAt: created.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z'),
      activatedAt: created.toISOString().slice(0, 19).replace('T', ' '),
    });
    addMember(workspaceId, owner, 'Owner');
    if (w === 1) {
      state.tokens.set(DEMO_TOKENS.owner, owner.id);
      users1.push(owner);
    }
    if (w === 2) state.tokens.set(DEMO_TOKENS.owner2, owner.id);

    // Fixed head of the role mix: position 1 is the demo manager, position 2 the demo member.
    const roleAt = (i: number): Role => {
      if (i === 1) return 'Executive manager';
      if (i === 2) return 'Regular User';
      const cycle: Role[] = [
        'Regular User',
        'Team manager',
        'Regular User',
        'Project manager',
        'Regular User',
        'Project viewer',
        'Regular User',
        'Executive manager',
        'Regular User',
        'Regular User',
      ];
      return cycle[i % cycle.length]!;
    };
    const statusAt = (i: number): MemberStatus =>
      i < 3
        ? 'active'
        : i % 17 === 0
          ? 'inactive'
          : i % 23 === 0
            ? 'left'
            : i % 29 === 0
              ? 'unknown'
              : 'active';
    for (let i = 1; i < size; i++) {
      const user = newUser();
      addMember(workspaceId, user, roleAt(i), statusAt(i));
      if (w === 1) users1.push(user);
      if (w === 1 && i === 1) state.tokens.set(DEMO_TOKENS.manager, user.id);
      if (w === 1 && i === 2) state.tokens.set(DEMO_TOKENS.member, user.id);
    }
  }
  // The demo owner also belongs to workspace 2, as a Regular User, so it sees two workspaces.
  addMember(2, users1[0]!, 'Regular User');

  for (const workspace of state.workspaces.values()) {
    const scale = workspace.id === 1 ? 1 : 0.25;
    const members = state.membersOf(workspace.id);
    const projects = seedProjects(
      state,
      workspace.id,
      workspace.ownerId,
      Math.max(2, Math.round(options.projects * scale)),
      now,
    );
    const contracts = seedContracts(
      state,
      members,
      projects,
      Math.max(4, Math.round(options.contracts * scale)),
      now,
    );
    seedTasks(state, projects, contracts, options.tasksPerProject, now);
    seedViewers(state, members, projects, now);
    const entries = seedTimeEntries(state, contracts, options.historyDays, now);
    seedApprovals(state, workspace.id, members, contracts, entries, options, scale, today, now);
    seedTrackers(state, contracts, now, options);
  }
  return state;
}

function seedProjects(
  state: SimState,
  workspaceId: number,
  ownerId: number,
  count: number,
  now: Date,
): Project[] {
  const random = state.random;
  const projects: Project[] = [];
  for (let i = 0; i < count; i++) {
    const id = state.nextId('project', 1000);
    const start = ymd(new Date(now.getTime() - random.number.int({ min: 10, max: 200 }) * DAY_MS));
    const created = `${start}T09:00:00Z`;
    const project: Project = {
      id,
      workspaceId,
      name: `${random.commerce.productAdjective()} ${random.commerce.product()} ${random.helpers.arrayElement(['Q1', 'Q2', 'Redesign', 'Launch', 'API', 'Mobile'])}`,
      ownerId,
      startDate: start,
      deadline:
        random.helpers.maybe(() => addDays(start, random.number.int({ min: 30, max: 240 })), {
          probability: 0.7,
        }) ?? null,
      estimation:
        random.helpers.maybe(() => random.number.int({ min: 20, max: 500 }), { probability: 0.6 }) ?? null,
      budget:
        random.helpers.maybe(() => random.number.int({ min: 1000, max: 50000 }), { probability: 0.5 }) ??
        null,
      notes: random.helpers.maybe(() => random.lorem.sentence(), { probability: 0.5 }) ?? null,
      icon: `project-icon-${(i % 8) + 1}`,
      isBillable: i % 3 !== 2,
      rate: i % 3 !== 2 ? random.number.int({ min: 20, max: 150 }) : 0,
      weeklyHoursLimit: random.helpers.arrayElement([null, 40, 168]),
      screenshots: random.helpers.arrayElement(['blur', 'full', null]),
      tags:
        i % 2 === 0
          ? [
              {
                id: state.nextId('tag', 1),
                name: random.helpers.arrayElement(['Marketing', 'Internal', 'Client']),
                color: random.color.rgb(),
              },
            ]
          : [],
      status: 1,
      createdAt: created,
      updatedAt: created,
      deletedAt: null,
    };
    state.projects.set(id, project);
    projects.push(project);
  }
  return projects;
}

/** Spreads contracts over active non-viewer members, at most one per member and project. */
function seedContracts(
  state: SimState,
  members: Membership[],
  projects: Project[],
  count: number,
  now: Date,
): Contract[] {
  const random = state.random;
  const workers = members.filter((m) => m.role !== 'Project viewer' && m.status === 'active');
  const contracts: Contract[] = [];
  const taken = new Set<string>();
  for (let i = 0; contracts.length < count && i < count * 4; i++) {
    const member = workers[i % workers.length]!;
    const project = projects[(i * 7 + Math.floor(i / workers.length)) % projects.length]!;
    const pair = `${member.userId}:${project.id}`;
    if (taken.has(pair)) continue;
    taken.add(pair);
    const id = state.nextId('contract', 5000);
    const created = isoSeconds(new Date(now.getTime() - random.number.int({ min: 5, max: 300 }) * DAY_MS));
    const contract: Contract = {
      id,
      workspaceId: project.workspaceId,
      projectId: project.id,
      userId: member.userId,
      weeklyHoursLimit: random.helpers.arrayElement([null, 20, 40]),
      screenshots: random.helpers.arrayElement(CONTRACT_SCREENSHOTS),
      rate: random.number.int({ min: 15, max: 120 }),
      rateType: random.helpers.arrayElement([1, 2, 3] as const),
      status: i % 11 === 10 ? 'paused' : 'active',
      currency: 'USD',
      createdAt: created,
      updatedAt: created,
    };
    state.contracts.set(id, contract);
    contracts.push(contract);
  }
  return contracts;
}

function seedTasks(
  state: SimState,
  projects: Project[],
  contracts: Contract[],
  perProject: number,
  now: Date,
) {
  const random = state.random;
  for (const project of projects) {
    const assignable = contracts.filter((c) => c.projectId === project.id).map((c) => c.userId);
    for (let i = 0; i < perProject; i++) {
      const id = state.nextId('task', 20000);
      const status = random.helpers.arrayElement(TASK_STATUSES);
      const start = project.startDate
        ? addDays(project.startDate, random.number.int({ min: 0, max: 20 }))
        : null;
      const created = isoSeconds(new Date(now.getTime() - random.number.int({ min: 1, max: 90 }) * DAY_MS));
      state.tasks.set(id, {
        id,
        workspaceId: project.workspaceId,
        projectId: project.id,
        title: `${random.hacker.verb()} ${random.hacker.adjective()} ${random.hacker.noun()}`.replace(
          /^./,
          (c) => c.toUpperCase(),
        ),
        description: random.helpers.maybe(() => random.lorem.sentence(), { probability: 0.6 }) ?? null,
        ownerId: project.ownerId,
        creatorId: project.ownerId,
        status,
        priority: random.helpers.arrayElement(TASK_PRIORITIES),
        startDate: start,
        endDate: start ? addDays(start, random.number.int({ min: 1, max: 30 })) : null,
        completedAt: status >= 20 ? created : null,
        assigneeIds: assignable.length
          ? random.helpers.arrayElements(assignable, { min: 0, max: Math.min(2, assignable.length) })
          : [],
        parentId: null,
        createdAt: created,
        updatedAt: created,
      });
    }
  }
}

function seedViewers(state: SimState, members: Membership[], projects: Project[], now: Date) {
  for (const member of members.filter((m) => m.role === 'Project viewer')) {
    state.viewers.set(memberKey(member.workspaceId, member.userId), {
      workspaceId: member.workspaceId,
      userId: member.userId,
      projectIds: state.random.helpers.arrayElements(projects, { min: 1, max: 2 }).map((p) => p.id),
      memberSince: isoSeconds(new Date(now.getTime() - 60 * DAY_MS)),
    });
  }
}

/** History: on weekdays, about half of the active contracts log 1-4 hours starting 09:00-11:00 UTC. */
function seedTimeEntries(state: SimState, contracts: Contract[], days: number, now: Date): TimeEntry[] {
  const random = state.random;
  const entries: TimeEntry[] = [];
  for (let d = days; d >= 1; d--) {
    const day = new Date(now.getTime() - d * DAY_MS);
    if (day.getUTCDay() === 0 || day.getUTCDay() === 6) continue;
    for (const contract of contracts) {
      if (contract.status !== 'active' || !random.datatype.boolean()) continue;
      const start = new Date(
        `${ymd(day)}T${String(9 + random.number.int({ min: 0, max: 2 })).padStart(2, '0')}:00:00Z`,
      );
      const end = new Date(start.getTime() + random.number.int({ min: 4, max: 16 }) * 15 * 60_000);
      const tasks = [...state.tasks.values()].filter((t) => t.projectId === contract.projectId);
      const task = tasks.length && random.datatype.boolean() ? random.helpers.arrayElement(tasks) : null;
      const entry: TimeEntry = {
        id: state.uuid(),
        workspaceId: contract.workspaceId,
        userId: contract.userId,
        contractId: contract.id,
        projectId: contract.projectId,
        taskId: task?.id ?? null,
        activityDescription:
          random.helpers.maybe(() => random.hacker.phrase().slice(0, 200), { probability: 0.5 }) ?? null,
        method: random.helpers.weightedArrayElement([
          { weight: 8, value: 'Desktop tracker' as const },
          { weight: 1, value: 'Web tracker' as const },
          { weight: 1, value: 'Manually added time' as const },
        ]),
        start: isoSeconds(start),
        end: isoSeconds(end),
      };
      state.timeEntries.set(entry.id, entry);
      entries.push(entry);
    }
  }
  return entries;
}

function seedApprovals(
  state: SimState,
  workspaceId: number,
  members: Membership[],
  contracts: Contract[],
  _entries: TimeEntry[],
  options: SimulatorOptions,
  scale: number,
  today: string,
  now: Date,
) {
  const random = state.random;
  const workers = members.filter((m) => m.role !== 'Project viewer');
  const owner = members.find((m) => m.role === 'Owner')!;
  const count = (n: number) => Math.max(2, Math.round(n * scale));

  // Timesheets: weekly periods (Mon-Sun) going back from the current week, one per member and week.
  const statuses: TimesheetStatus[] = ['pending', 'submitted', 'approved', 'rejected'];
  const monday = addDays(today, -((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7));
  for (let i = 0; i < count(options.timesheets); i++) {
    // Four consecutive weeks per member, so every status appears (the current week is still open).
    const member = workers[Math.floor(i / 4) % workers.length]!;
    const week = i % 4;
    const dateFrom = addDays(monday, -7 * week);
    const status = week === 0 ? 'pending' : statuses[i % statuses.length]!;
    const id = state.code();
    state.timesheets.set(id, {
      id,
      workspaceId,
      userId: member.userId,
      dateFrom,
      dateTo: addDays(dateFrom, 6),
      status,
      submittedOn: status === 'pending' ? null : `${addDays(dateFrom, 7)}T10:00:00Z`,
      rejectReason: status === 'rejected' ? 'Hours do not match project requirements' : null,
      reviewedBy: status === 'approved' || status === 'rejected' ? owner.userId : null,
    });
  }

  const approvalAt = (i: number): ApprovalStatus =>
    i % 3 === 0 ? 'approved' : i % 5 === 0 ? 'rejected' : 'pending';
  for (let i = 0; i < count(options.timeRequests); i++) {
    const contract = contracts[i % contracts.length]!;
    const day = addDays(today, -random.number.int({ min: 1, max: 20 }));
    const status = approvalAt(i);
    const created = isoSeconds(new Date(now.getTime() - random.number.int({ min: 1, max: 20 }) * 3_600_000));
    const id = state.uuid();
    state.timeRequests.set(id, {
      id,
      workspaceId,
      userId: contract.userId,
      contractId: contract.id,
      projectId: contract.projectId,
      taskId: null,
      start: `${day}T13:00:00Z`,
      end: `${day}T${String(14 + (i % 4)).padStart(2, '0')}:00:00Z`,
      status,
      notes: random.helpers.maybe(() => 'Forgot to start the tracker', { probability: 0.7 }) ?? null,
      comment: status === 'rejected' ? 'Time entry conflicts with project schedule' : null,
      updatedBy: status === 'pending' ? null : owner.userId,
      createdAt: created,
      updatedAt: created,
    });
  }

  const policies = [
    { name: 'Vacation', isPaid: true, daysPerYear: 20 },
    { name: 'Sick leave', isPaid: true, daysPerYear: 10 },
    { name: 'Unpaid leave', isPaid: false, daysPerYear: 0 },
  ].map((p) => ({ id: state.uuid(), number: state.nextId('policy', 1), workspaceId, ...p }));
  for (const policy of policies) state.leavePolicies.set(policy.id, policy);
  for (let i = 0; i < count(options.leaves); i++) {
    const member = workers[(i * 3) % workers.length]!;
    const policy = policies[i % policies.length]!;
    const start = addDays(today, random.number.int({ min: -40, max: 40 }));
    const status = approvalAt(i);
    const id = state.uuid();
    state.leaves.set(id, {
      id,
      workspaceId,
      userId: member.userId,
      policyId: policy.id,
      status,
      note: random.helpers.maybe(() => 'Family vacation', { probability: 0.5 }) ?? null,
      isPaid: policy.isPaid,
      createdBy: member.userId,
      approvedBy: status === 'approved' ? owner.userId : null,
      rejectedBy: status === 'rejected' ? owner.userId : null,
      rejectReason: status === 'rejected' ? 'Insufficient leave balance' : null,
      startDate: start,
      endDate: addDays(start, random.number.int({ min: 0, max: 4 })),
      createdOn: addDays(start, -random.number.int({ min: 3, max: 30 })),
    });
  }

  const categories = ['Travel', 'Office Supplies', 'Software', 'Meals'].map((name) => ({
    id: state.uuid(),
    workspaceId,
    name,
  }));
  for (const category of categories) state.expenseCategories.set(category.id, category);
  for (let i = 0; i < count(options.expenses); i++) {
    const contract = contracts[(i * 5) % contracts.length]!;
    const date = addDays(today, -random.number.int({ min: 0, max: 60 }));
    const id = state.uuid();
    state.expenses.set(id, {
      id,
      workspaceId,
      userId: contract.userId,
      name: random.commerce.productName(),
      date,
      projectId: contract.projectId,
      categoryId: categories[i % categories.length]!.id,
      amount: Number(random.commerce.price({ min: 5, max: 900 })),
      note: random.helpers.maybe(() => random.lorem.sentence(), { probability: 0.4 }) ?? null,
      isBillable: i % 2 === 0,
      addedAt: date,
    });
  }
}

/**
 * A few members are tracking right now, so "live tracker state" has something to show. Of them,
 * `desktopTrackerShare` (rounded) run from the desktop app, the others from the browser: the ones
 * whose hash of seed and user id ranks lowest. The hash takes nothing from the data generator, so
 * the share never moves the rest of the seeded data.
 */
function seedTrackers(state: SimState, contracts: Contract[], now: Date, options: SimulatorOptions) {
  const running = contracts.filter((c) => c.status === 'active').filter((_, i) => i % 9 === 4);
  const seen = new Set<number>();
  const seeded: Tracker[] = [];
  for (const contract of running) {
    if (seen.has(contract.userId)) continue;
    seen.add(contract.userId);
    const tracker: Tracker = {
      source: 'browser',
      workspaceId: contract.workspaceId,
      userId: contract.userId,
      contractId: contract.id,
      projectId: contract.projectId,
      taskId: null,
      activityDescription: 'Working on the current sprint',
      startedAt: isoSeconds(new Date(now.getTime() - state.random.number.int({ min: 5, max: 180 }) * 60_000)),
    };
    state.trackers.set(memberKey(contract.workspaceId, contract.userId), tracker);
    seeded.push(tracker);
  }
  const desktop = seeded
    .sort((a, b) => rank(options.seed, a.userId) - rank(options.seed, b.userId) || a.userId - b.userId)
    .slice(0, Math.round(seeded.length * options.desktopTrackerShare));
  for (const tracker of desktop) tracker.source = 'desktop';
}

/** FNV-1a of the seed and a user id, as an unsigned 32-bit integer: a stable per-user ranking. */
function rank(seed: number, userId: number): number {
  let hash = 0x811c9dc5;
  for (const char of `${seed}:${userId}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  return hash >>> 0;
}
