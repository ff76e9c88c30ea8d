import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { ContractRecord } from '../datasources/contracts.api.js';
import type { MemberRecord } from '../datasources/members.api.js';
import type { ProjectRecord } from '../datasources/projects.api.js';
import type { WorkspaceRecord } from '../datasources/workspaces.api.js';
import { GatewayError } from '../errors/gateway-error.js';
import { memberRoleLabels } from '../schema/enums/member-role.enum.js';
import { globalId } from '../schema/global-id.js';
import { ContractsArgs } from '../schema/inputs/contracts.args.js';
import { MembersArgs } from '../schema/inputs/members.args.js';
import { ProjectsArgs } from '../schema/inputs/projects.args.js';
import { ContractConnection, MemberConnection, ProjectConnection } from '../schema/types/connections.js';
import type { ConnectionResult } from '../schema/types/connection.js';
import { Contract } from '../schema/types/contract.type.js';
import { Member } from '../schema/types/member.type.js';
import { Project } from '../schema/types/project.type.js';
import { Workspace } from '../schema/types/workspace.type.js';
import type { RequestContext } from '../server/context.js';
import { connectionFromPages } from './connection.js';
import { positiveId } from './validate.js';

const orNullWhenMissing = <T>(promise: Promise<T>): Promise<T | null> =>
  promise.catch((error: unknown) => {
    if (error instanceof GatewayError && error.code === 'NOT_FOUND') return null;
    throw error;
  });

@Resolver(() => Workspace)
export class WorkspaceResolver {
  @Query(() => [Workspace], { nullable: true, description: 'The workspaces the caller belongs to.' })
  workspaces(@Ctx() ctx: RequestContext): Promise<WorkspaceRecord[]> {
    return ctx.loaders.lists.workspaces();
  }

  @Query(() => Workspace, {
    nullable: true,
    description: 'One of the caller’s workspaces; null if the caller is not in it.',
  })
  async workspace(
    @Arg('workspaceId', () => Int) workspaceId: number,
    @Ctx() ctx: RequestContext,
  ): Promise<WorkspaceRecord | null> {
    positiveId('workspaceId', workspaceId);
    const all = await ctx.loaders.lists.workspaces();
    return all.find((w) => w.workspaceId === workspaceId) ?? null;
  }

  @FieldResolver(() => ID)
  id(@Root() workspace: WorkspaceRecord): string {
    return globalId('Workspace', workspace.workspaceId);
  }

  @FieldResolver(() => MemberConnection, { nullable: true, description: 'Members of this workspace.' })
  members(
    @Root() workspace: WorkspaceRecord,
    @Args(() => MembersArgs) args: MembersArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ConnectionResult<MemberRecord>> {
    const filters = {
      role: args.role ? memberRoleLabels[args.role] : undefined,
      status: args.status ? args.status.toLowerCase() : undefined,
      email: args.email ?? undefined,
    };
    const { lists, member } = ctx.loaders;
    return connectionFromPages(args, async (page) => {
      const result = await lists.membersPage(workspace.workspaceId, filters, page);
      for (const m of result.items) member.prime({ workspaceId: m.workspaceId, userId: m.userId }, m);
      return result;
    });
  }

  @FieldResolver(() => Member, {
    nullable: true,
    description: 'A member by user id; null if the caller cannot see them.',
  })
  member(
    @Root() workspace: WorkspaceRecord,
    @Arg('userId', () => Int) userId: number,
    @Ctx() ctx: RequestContext,
  ): Promise<MemberRecord | null> {
    positiveId('userId', userId);
    return orNullWhenMissing(ctx.loaders.member.load({ workspaceId: workspace.workspaceId, userId }));
  }

  @FieldResolver(() => ProjectConnection, { nullable: true, description: 'Projects of this workspace.' })
  projects(
    @Root() workspace: WorkspaceRecord,
    @Args(() => ProjectsArgs) args: ProjectsArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ConnectionResult<ProjectRecord>> {
    const filters = { name: args.name ?? undefined };
    const { lists, project } = ctx.loaders;
    return connectionFromPages(args, async (page) => {
      const result = await lists.projectsPage(workspace.workspaceId, filters, page);
      for (const p of result.items) project.prime({ workspaceId: p.workspaceId, projectId: p.projectId }, p);
      return result;
    });
  }

  @FieldResolver(() => Project, {
    nullable: true,
    description: 'A project by id; null if the caller cannot see it.',
  })
  project(
    @Root() workspace: WorkspaceRecord,
    @Arg('projectId', () => Int) projectId: number,
    @Ctx() ctx: RequestContext,
  ): Promise<ProjectRecord | null> {
    positiveId('projectId', projectId);
    return orNullWhenMissing(ctx.loaders.project.load({ workspaceId: workspace.workspaceId, projectId }));
  }

  @FieldResolver(() => ContractConnection, {
    nullable: true,
    description: 'Contracts (member × project assignments) of this workspace.',
  })
  contracts(
    @Root() workspace: WorkspaceRecord,
    @Args(() => ContractsArgs) args: ContractsArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ConnectionResult<ContractRecord>> {
    const filters = {
      user_id: args.userId ?? undefined,
      project_id: args.projectId ?? undefined,
      status: args.status ? (args.status.toLowerCase() as 'active' | 'paused') : undefined,
    };
    const { lists, contract } = ctx.loaders;
    return connectionFromPages(args, async (page) => {
      const result = await lists.contractsPage(workspace.workspaceId, filters, page);
      for (const c of result.items)
        contract.prime({ workspaceId: c.workspaceId, contractId: c.contractId }, c);
      return result;
    });
  }

  @FieldResolver(() => Contract, {
    nullable: true,
    description: 'A contract by id; null if the caller cannot see it.',
  })
  contract(
    @Root() workspace: WorkspaceRecord,
    @Arg('contractId', () => Int) contractId: number,
    @Ctx() ctx: RequestContext,
  ): Promise<ContractRecord | null> {
    positiveId('contractId', contractId);
    return orNullWhenMissing(ctx.loaders.contract.load({ workspaceId: workspace.workspaceId, contractId }));
  }
}
