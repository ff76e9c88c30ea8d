import { globalId } from '../../src/schema/global-id.js';
import { configureSimulator, startStack, type Stack } from '../support/gateway-harness.js';

/**
 * Writes of projects, contracts and tasks through GraphQL, against the simulator over HTTP under
 * both profiles: `docs-exact` answers assign with `data: null`, requires `project_id` on the task
 * operations and sends no pagination block on projects and tasks lists.
 */
describe.each(['lenient', 'docs-exact'] as const)('resource writes (simulator profile %s)', (profile) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ sim: { profile, projects: 130 } });
  });
  afterAll(() => stack.close());

  const state = () => stack.sim.state;
  const upstreamWrites = async () => {
    const { byRoute } = await stack.upstreamStats();
    return Object.entries(byRoute)
      .filter(([route]) => !route.startsWith('GET '))
      .reduce((n, [, count]) => n + count, 0);
  };

  /** An active project of workspace 1 with a contract whose member is active (not a viewer). */
  function projectWithMember() {
    const s = state();
    const contract = s
      .contractsOf(1)
      .find(
        (c) =>
          s.projects.get(c.projectId)?.status !== 0 &&
          s.membership(1, c.userId)?.status === 'active' &&
          s.membership(1, c.userId)?.role !== 'Project viewer',
      )!;
    return { projectId: contract.projectId, userId: contract.userId };
  }

  /** An active non-viewer member of workspace 1 with no contract on an active project. */
  function memberWithoutContract() {
    const s = state();
    for (const project of s.projectsOf(1).filter((p) => p.status !== 0)) {
      const member = s
        .membersOf(1)
        .find(
          (m) =>
            m.status === 'active' &&
            m.role !== 'Project viewer' &&
            m.role !== 'Owner' &&
            !s.contractsOf(1).some((c) => c.userId === m.userId && c.projectId === project.id),
        );
      if (member) return { projectId: project.id, userId: member.userId };
    }
    throw new Error('no member without a contract');
  }

  const PROJECTS = `query { workspace(workspaceId: 1) { projects(first: 100) { totalCount nodes { projectId name } } } }`;
  const PROJECT = `query($id: Int!) { workspace(workspaceId: 1) { project(projectId: $id) { id name notes archivedAt } } }`;

  describe('projects', () => {
    it('createProject: the new project, and both callers then see it in the list', async () => {
      // Warm both callers' caches (every page of the list).
      for (const token of ['demo-owner', 'demo-manager']) {
        expect((await stack.gql(PROJECTS, {}, token)).errors).toBeUndefined();
      }
      const created = await stack.gql(
        `mutation($input: CreateProjectInput!) { createProject(input: $input) { id projectId name deadline budget } }`,
        {
          input: {
            workspaceId: 1,
            name: `Launch ${profile}`,
            startDate: '2026-01-01',
            deadline: '2026-03-31',
            budget: 500,
          },
        },
      );
      expect(created.errors).toBeUndefined();
      const project = created.data.createProject;
      expect(project).toMatchObject({ name: `Launch ${profile}`, deadline: '2026-03-31', budget: 500 });
      expect(project.id).toBe(globalId('Project', 1, project.projectId));

      const all = async (token: string) => {
        const pages = [];
        let after: string | null = null;
        for (;;) {
          const r: any = await stack.gql(
            `query($after: String) { workspace(workspaceId: 1) { projects(first: 100, after: $after) {
              nodes { projectId } pageInfo { hasNextPage endCursor } } } }`,
            { after },
            token,
          );
          expect(r.errors).toBeUndefined();
          pages.push(...r.data.workspace.projects.nodes.map((p: any) => p.projectId));
          if (!r.data.workspace.projects.pageInfo.hasNextPage) return pages;
          after = r.data.workspace.projects.pageInfo.endCursor;
        }
      };
      // Paging works past the first upstream page whether or not the list carries a pagination block.
      for (const token of ['demo-owner', 'demo-manager']) {
        const ids = await all(token);
        expect(ids).toContain(project.projectId);
        expect(ids.length).toBeGreaterThan(100);
      }
    });

    it('updateProject and deleteProject: read back, and the other caller reads the new state', async () => {
      const { projectId } = projectWithMember();
      expect(
        (await stack.gql(PROJECT, { id: projectId }, 'demo-manager')).data.workspace.project.notes,
      ).not.toBe('Changed');
      const updated = await stack.gql(
        `mutation($input: UpdateProjectInput!) { updateProject(input: $input) { id projectId notes } }`,
        { input: { workspaceId: 1, projectId, notes: 'Changed' } },
      );
      expect(updated.errors).toBeUndefined();
      expect(updated.data.updateProject).toEqual({
        id: globalId('Project', 1, projectId),
        projectId,
        notes: 'Changed',
      });
      expect((await stack.gql(PROJECT, { id: projectId }, 'demo-manager')).data.workspace.project.notes).toBe(
        'Changed',
      );

      const created = await stack.gql(
        `mutation { createProject(input: { workspaceId: 1, name: "Short-lived" }) { projectId } }`,
      );
      const id = created.data.createProject.projectId;
      const deleted = await stack.gql(
        `mutation($input: DeleteProjectInput!) { deleteProject(input: $input) { id projectId archivedAt } }`,
        { input: { workspaceId: 1, projectId: id } },
      );
      expect(deleted.errors).toBeUndefined();
      expect(deleted.data.deleteProject.archivedAt).not.toBeNull();
      const again = await stack.gql(
        `mutation($input: DeleteProjectInput!) { deleteProject(input: $input) { id } }`,
        { input: { workspaceId: 1, projectId: id } },
      );
      expect(again.data.deleteProject).toBeNull();
      expect(again.errors![0]!.extensions).toMatchObject({
        code: 'UPSTREAM_REJECTED',
        operation: 'deleteProject',
      });
      expect(again.errors![0]!.message).toMatch(/^WebWork refused deleteProject: .*already archived/);
    });

    it('validation before any upstream call: empty name, deadline before start, negative budget', async () => {
      await stack.resetUpstreamStats();
      const cases: [Record<string, unknown>, string, RegExp][] = [
        [{ name: '  ' }, 'input.name', /must not be empty/],
        [{ name: 'x'.repeat(256) }, 'input.name', /at most 255 characters/],
        [
          { name: 'A', startDate: '2026-02-01', deadline: '2026-01-01' },
          'input.deadline',
          /must not be before/,
        ],
        [{ name: 'A', budget: -1 }, 'input.budget', /non-negative number/],
      ];
      for (const [fields, argument, message] of cases) {
        const r = await stack.gql(
          `mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`,
          {
            input: { workspaceId: 1, ...fields },
          },
        );
        expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
        expect(r.errors![0]!.message).toMatch(message);
      }
      expect(await upstreamWrites()).toBe(0);
    });

    it('a create is sent exactly once, never retried, when WebWork fails it', async () => {
      await stack.resetUpstreamStats();
      await configureSimulator(stack.sim, {
        failRate: 1,
        faultMethods: ['POST'],
        faultPathPattern: '^/api/v2/projects$',
      });
      try {
        const r = await stack.gql(
          `mutation { createProject(input: { workspaceId: 1, name: "Once" }) { id } }`,
        );
        expect(r.data.createProject).toBeNull();
        expect(r.errors![0]!.extensions!.code).toBe('UPSTREAM_UNAVAILABLE');
      } finally {
        await configureSimulator(stack.sim, { failRate: 0 });
      }
      expect((await stack.upstreamStats()).byRoute['POST /projects']).toBe(1);
    });

    it('FORBIDDEN names what was refused: demo-member creating a project', async () => {
      const r = await stack.gql(
        `mutation { createProject(input: { workspaceId: 1, name: "Not mine" }) { id } }`,
        {},
        'demo-member',
      );
      expect(r.data.createProject).toBeNull();
      expect(r.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      expect(r.errors![0]!.message).toMatch(
        /createProject refused: .*Owners and Executive Managers.*create projects/,
      );
    });
  });

  describe('tasks', () => {
    const TASKS = `query($p: Int!) { workspace(workspaceId: 1) { project(projectId: $p) {
      tasks(first: 100) { nodes { taskId title status assignees { userId } subTasks { taskId } } } } } }`;
    const tasksOf = async (projectId: number, token = 'demo-owner') => {
      const r = await stack.gql(TASKS, { p: projectId }, token);
      expect(r.errors).toBeUndefined();
      return r.data.workspace.project.tasks.nodes as any[];
    };

    it('create, sub-task, update, assign, unassign, delete; the other caller sees each step', async () => {
      const { projectId, userId } = projectWithMember();
      await tasksOf(projectId, 'demo-manager');

      const created = await stack.gql(
        `mutation($input: CreateTaskInput!) { createTask(input: $input) { id taskId title priority project { projectId } } }`,
        { input: { workspaceId: 1, projectId, title: 'Write the docs', priority: 'HIGH' } },
      );
      expect(created.errors).toBeUndefined();
      const { taskId } = created.data.createTask;
      expect(created.data.createTask).toMatchObject({
        id: globalId('Task', 1, taskId, projectId),
        title: 'Write the docs',
        priority: 'HIGH',
        project: { projectId },
      });
      const sub = await stack.gql(
        `mutation($input: CreateTaskInput!) { createTask(input: $input) { taskId parentTaskId } }`,
        { input: { workspaceId: 1, projectId, title: 'Section 1', parentTaskId: taskId } },
      );
      expect(sub.data.createTask.parentTaskId).toBe(taskId);
      const refs = await stack.gql(
        `query($p: Int!, $t: Int!) { workspace(workspaceId: 1) { project(projectId: $p) {
          owner { userId } task(taskId: $t) { parentTask { taskId } creator { userId } } } } }`,
        { p: projectId, t: sub.data.createTask.taskId },
        'demo-manager',
      );
      expect(refs.errors).toBeUndefined();
      expect(refs.data.workspace.project).toEqual({
        owner: { userId: state().workspaces.get(1)!.ownerId },
        task: { parentTask: { taskId }, creator: { userId: state().tokens.get('demo-owner') } },
      });
      let seen = (await tasksOf(projectId, 'demo-manager')).find((t) => t.taskId === taskId);
      expect(seen.subTasks).toEqual([{ taskId: sub.data.createTask.taskId }]);

      const updated = await stack.gql(
        `mutation($input: UpdateTaskInput!) { updateTask(input: $input) { id status completedAt } }`,
        { input: { workspaceId: 1, projectId, taskId, status: 'DONE' } },
      );
      expect(updated.errors).toBeUndefined();
      expect(updated.data.updateTask.status).toBe('DONE');
      expect(updated.data.updateTask.completedAt).not.toBeNull();

      const ASSIGN = `mutation($input: AssignTaskInput!) { assignTask(input: $input) { id assignees { userId member { userId } } } }`;
      const assigned = await stack.gql(ASSIGN, { input: { workspaceId: 1, projectId, taskId, userId } });
      expect(assigned.errors).toBeUndefined();
      expect(assigned.data.assignTask.id).toBe(globalId('Task', 1, taskId, projectId));
      expect(assigned.data.assignTask.assignees).toContainEqual({ userId, member: { userId } });
      seen = (await tasksOf(projectId, 'demo-manager')).find((t) => t.taskId === taskId);
      expect(seen).toMatchObject({ status: 'DONE', assignees: [{ userId }] });

      const twice = await stack.gql(
        `mutation($input: UnassignTaskInput!) { unassignTask(input: $input) { assignees { userId } } }`,
        { input: { workspaceId: 1, projectId, taskId, userId } },
      );
      expect(twice.errors).toBeUndefined();
      expect(twice.data.unassignTask.assignees).toEqual([]);
      const notAssigned = await stack.gql(
        `mutation($input: UnassignTaskInput!) { unassignTask(input: $input) { id } }`,
        { input: { workspaceId: 1, projectId, taskId, userId } },
      );
      expect(notAssigned.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');

      const deleted = await stack.gql(
        `mutation($input: DeleteTaskInput!) { deleteTask(input: $input) { id taskId projectId } }`,
        { input: { workspaceId: 1, projectId, taskId } },
      );
      expect(deleted.errors).toBeUndefined();
      expect(deleted.data.deleteTask).toEqual({
        id: globalId('Task', 1, taskId, projectId),
        taskId,
        projectId,
      });
      expect((await tasksOf(projectId, 'demo-manager')).map((t) => t.taskId)).not.toContain(taskId);
    });

    it('validation and refusal: long title, end before start; a Regular User may not create tasks', async () => {
      const { projectId } = projectWithMember();
      await stack.resetUpstreamStats();
      const bad = await stack.gql(`mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`, {
        input: { workspaceId: 1, projectId, title: 'x'.repeat(256) },
      });
      expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.title' });
      const order = await stack.gql(
        `mutation($input: UpdateTaskInput!) { updateTask(input: $input) { id } }`,
        {
          input: { workspaceId: 1, projectId, taskId: 1, startDate: '2026-02-02', endDate: '2026-02-01' },
        },
      );
      expect(order.errors![0]!.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'input.endDate',
      });
      const nothing = await stack.gql(
        `mutation($input: UpdateTaskInput!) { updateTask(input: $input) { id } }`,
        {
          input: { workspaceId: 1, projectId, taskId: 1 },
        },
      );
      expect(nothing.errors![0]!.message).toMatch(/at least one of title/);
      expect(await upstreamWrites()).toBe(0);

      const refused = await stack.gql(
        `mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`,
        { input: { workspaceId: 1, projectId, title: 'Mine' } },
        'demo-member',
      );
      expect(refused.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      expect(refused.errors![0]!.message).toMatch(/createTask refused/);
    });
  });

  describe('contracts', () => {
    const CONTRACTS = `query($p: Int!) { workspace(workspaceId: 1) { project(projectId: $p) { contracts { contractId userId status } } } }`;

    it('create, update (pause), delete; the other caller sees each step; a duplicate is refused', async () => {
      const { projectId, userId } = memberWithoutContract();
      const contractsOf = async () => {
        const r = await stack.gql(CONTRACTS, { p: projectId }, 'demo-manager');
        expect(r.errors).toBeUndefined();
        return r.data.workspace.project.contracts as any[];
      };
      expect((await contractsOf()).map((c) => c.userId)).not.toContain(userId);

      const created = await stack.gql(
        `mutation($input: CreateContractInput!) { createContract(input: $input) { id contractId userId weeklyHoursLimit screenshotMode member { userId } } }`,
        { input: { workspaceId: 1, projectId, userId, weeklyHoursLimit: 20, screenshotMode: 'BLURRED' } },
      );
      expect(created.errors).toBeUndefined();
      const { contractId } = created.data.createContract;
      expect(created.data.createContract).toMatchObject({
        id: globalId('Contract', 1, contractId),
        userId,
        weeklyHoursLimit: 20,
        screenshotMode: 'blurred',
        member: { userId },
      });
      expect(await contractsOf()).toContainEqual({ contractId, userId, status: 'ACTIVE' });

      const duplicate = await stack.gql(
        `mutation($input: CreateContractInput!) { createContract(input: $input) { id } }`,
        { input: { workspaceId: 1, projectId, userId } },
      );
      expect(duplicate.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
      expect(duplicate.errors![0]!.message).toMatch(/already has contract/);

      const paused = await stack.gql(
        `mutation($input: UpdateContractInput!) { updateContract(input: $input) { id status } }`,
        { input: { workspaceId: 1, contractId, status: 'PAUSED' } },
      );
      expect(paused.errors).toBeUndefined();
      expect(paused.data.updateContract).toEqual({
        id: globalId('Contract', 1, contractId),
        status: 'PAUSED',
      });
      expect(await contractsOf()).toContainEqual({ contractId, userId, status: 'PAUSED' });

      const deleted = await stack.gql(
        `mutation($input: DeleteContractInput!) { deleteContract(input: $input) { id contractId } }`,
        { input: { workspaceId: 1, contractId } },
      );
      expect(deleted.errors).toBeUndefined();
      expect(deleted.data.deleteContract).toEqual({ id: globalId('Contract', 1, contractId), contractId });
      expect((await contractsOf()).map((c) => c.contractId)).not.toContain(contractId);
    });

    it('validation: weekly limit over 168, negative rate, nothing to change', async () => {
      await stack.resetUpstreamStats();
      for (const [fields, argument] of [
        [{ weeklyHoursLimit: 169 }, 'input.weeklyHoursLimit'],
        [{ rate: -5 }, 'input.rate'],
        [{}, 'input'],
      ] as const) {
        const r = await stack.gql(
          `mutation($input: UpdateContractInput!) { updateContract(input: $input) { id } }`,
          { input: { workspaceId: 1, contractId: 1, ...fields } },
        );
        expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
      }
      expect(await upstreamWrites()).toBe(0);
    });
  });

  describe('members', () => {
    const MEMBER = `query($u: Int!) { workspace(workspaceId: 1) { member(userId: $u) { id role status weeklyHoursLimit } } }`;

    it('invite, update, remove: read back, and the other caller sees each step', async () => {
      const invited = await stack.gql(
        `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { id userId email firstName role status } }`,
        {
          input: {
            workspaceId: 1,
            email: `new-${profile}@example.com`,
            firstName: 'Nia',
            lastName: 'New',
            role: 'REGULAR_USER',
          },
        },
      );
      expect(invited.errors).toBeUndefined();
      const { userId } = invited.data.inviteMember;
      expect(invited.data.inviteMember).toMatchObject({
        id: globalId('Member', 1, userId),
        email: `new-${profile}@example.com`,
        firstName: 'Nia',
        role: 'REGULAR_USER',
      });
      expect((await stack.gql(MEMBER, { u: userId }, 'demo-manager')).data.workspace.member).toMatchObject({
        role: 'REGULAR_USER',
      });

      const updated = await stack.gql(
        `mutation($input: UpdateMemberInput!) { updateMember(input: $input) { id role weeklyHoursLimit } }`,
        { input: { workspaceId: 1, userId, role: 'TEAM_MANAGER', weeklyHoursLimit: 30 } },
      );
      expect(updated.errors).toBeUndefined();
      expect(updated.data.updateMember).toEqual({
        id: globalId('Member', 1, userId),
        role: 'TEAM_MANAGER',
        weeklyHoursLimit: 30,
      });
      expect((await stack.gql(MEMBER, { u: userId }, 'demo-manager')).data.workspace.member).toMatchObject({
        role: 'TEAM_MANAGER',
        weeklyHoursLimit: 30,
      });

      const removed = await stack.gql(
        `mutation($input: RemoveMemberInput!) { removeMember(input: $input) { id status } }`,
        { input: { workspaceId: 1, userId } },
      );
      expect(removed.errors).toBeUndefined();
      expect(removed.data.removeMember).toEqual({ id: globalId('Member', 1, userId), status: 'LEFT' });
      const again = await stack.gql(
        `mutation($input: RemoveMemberInput!) { removeMember(input: $input) { id } }`,
        { input: { workspaceId: 1, userId } },
      );
      expect(again.errors![0]!.extensions).toMatchObject({
        code: 'UPSTREAM_REJECTED',
        operation: 'removeMember',
      });
      expect(again.errors![0]!.message).toMatch(/already archived/);
    });

    it('validation before any upstream call, and FORBIDDEN for a Regular User', async () => {
      await stack.resetUpstreamStats();
      const base = {
        workspaceId: 1,
        email: 'a@example.com',
        firstName: 'A',
        lastName: 'B',
        role: 'REGULAR_USER',
      };
      for (const [fields, argument] of [
        [{ email: 'not-an-email' }, 'input.email'],
        [{ firstName: '' }, 'input.firstName'],
        [{ role: 'OWNER' }, 'input.role'],
        [{ workspaceId: 0 }, 'input.workspaceId'],
      ] as const) {
        const r = await stack.gql(
          `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { id } }`,
          {
            input: { ...base, ...fields },
          },
        );
        expect(r.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
      }
      expect(await upstreamWrites()).toBe(0);
      const refused = await stack.gql(
        `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { id } }`,
        { input: base },
        'demo-member',
      );
      expect(refused.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      expect(refused.errors![0]!.message).toMatch(/inviteMember refused: .*invite members/);
    });
  });

  describe('project viewers', () => {
    const VIEWERS = `query { workspace(workspaceId: 1) { projectViewers(first: 100) { totalCount nodes { viewerId status projectIds } } } }`;
    const PROJECT_VIEWERS = `query($p: Int!) { workspace(workspaceId: 1) { project(projectId: $p) { viewers { viewerId } } } }`;
    const viewers = async (token = 'demo-owner') => {
      const r = await stack.gql(VIEWERS, {}, token);
      expect(r.errors).toBeUndefined();
      return r.data.workspace.projectViewers.nodes as any[];
    };

    it('create, assign a project, unassign, archive, restore; the other caller sees each step', async () => {
      const { projectId } = projectWithMember();
      await viewers('demo-manager');
      expect((await stack.gql(PROJECT_VIEWERS, { p: projectId }, 'demo-manager')).errors).toBeUndefined();

      const created = await stack.gql(
        `mutation($input: CreateProjectViewerInput!) { createProjectViewer(input: $input) { id viewerId email status projectIds } }`,
        {
          input: {
            workspaceId: 1,
            email: `client-${profile}@example.com`,
            firstName: 'Cli',
            lastName: 'Ent',
          },
        },
      );
      expect(created.errors).toBeUndefined();
      const { viewerId } = created.data.createProjectViewer;
      expect(Number.isInteger(viewerId)).toBe(true);
      expect(created.data.createProjectViewer).toMatchObject({
        id: globalId('ProjectViewer', 1, viewerId),
        email: `client-${profile}@example.com`,
        status: 'ACTIVE',
        projectIds: [],
      });
      expect((await viewers('demo-manager')).map((v) => v.viewerId)).toContain(viewerId);

      const ref = { workspaceId: 1, viewerId };
      const assigned = await stack.gql(
        `mutation($input: AssignProjectViewerInput!) { assignProjectViewer(input: $input) { id projectIds projects { projectId } } }`,
        { input: { ...ref, projectId } },
      );
      expect(assigned.errors).toBeUndefined();
      expect(assigned.data.assignProjectViewer).toEqual({
        id: globalId('ProjectViewer', 1, viewerId),
        projectIds: [projectId],
        projects: [{ projectId }],
      });
      const onProject = await stack.gql(PROJECT_VIEWERS, { p: projectId }, 'demo-manager');
      expect(onProject.data.workspace.project.viewers).toContainEqual({ viewerId });
      const twice = await stack.gql(
        `mutation($input: AssignProjectViewerInput!) { assignProjectViewer(input: $input) { id } }`,
        { input: { ...ref, projectId } },
      );
      expect(twice.errors![0]!.extensions!.code).toBe('UPSTREAM_REJECTED');
      expect(twice.errors![0]!.message).toMatch(/^WebWork refused \w+: .*already assigned/);

      const unassigned = await stack.gql(
        `mutation($input: UnassignProjectViewerInput!) { unassignProjectViewer(input: $input) { projectIds } }`,
        { input: { ...ref, projectId } },
      );
      expect(unassigned.errors).toBeUndefined();
      expect(unassigned.data.unassignProjectViewer.projectIds).toEqual([]);

      const archived = await stack.gql(
        `mutation($input: DeleteProjectViewerInput!) { deleteProjectViewer(input: $input) { id status } }`,
        { input: ref },
      );
      expect(archived.errors).toBeUndefined();
      expect(archived.data.deleteProjectViewer.status).toBe('LEFT');
      expect((await viewers('demo-manager')).find((v) => v.viewerId === viewerId).status).toBe('LEFT');

      const restored = await stack.gql(
        `mutation($input: RestoreProjectViewerInput!) { restoreProjectViewer(input: $input) { id status } }`,
        { input: ref },
      );
      expect(restored.errors).toBeUndefined();
      expect(restored.data.restoreProjectViewer).toEqual({
        id: globalId('ProjectViewer', 1, viewerId),
        status: 'ACTIVE',
      });
      expect((await viewers('demo-manager')).find((v) => v.viewerId === viewerId).status).toBe('ACTIVE');
    });

    it('validation before any upstream call; FORBIDDEN for a Regular User', async () => {
      await stack.resetUpstreamStats();
      const bad = await stack.gql(
        `mutation($input: CreateProjectViewerInput!) { createProjectViewer(input: $input) { id } }`,
        { input: { workspaceId: 1, email: 'nope', firstName: 'A', lastName: 'B' } },
      );
      expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.email' });
      const badId = await stack.gql(
        `mutation($input: AssignProjectViewerInput!) { assignProjectViewer(input: $input) { id } }`,
        { input: { workspaceId: 1, viewerId: -3, projectId: 1 } },
      );
      expect(badId.errors![0]!.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'input.viewerId',
      });
      expect(await upstreamWrites()).toBe(0);
      const refused = await stack.gql(
        `mutation($input: CreateProjectViewerInput!) { createProjectViewer(input: $input) { id } }`,
        { input: { workspaceId: 1, email: 'c@example.com', firstName: 'A', lastName: 'B' } },
        'demo-member',
      );
      expect(refused.errors![0]!.extensions!.code).toBe('FORBIDDEN');
      expect(refused.errors![0]!.message).toMatch(/createProjectViewer refused/);
    });
  });
});
