import { tags } from '../cache/keys.js';
import type { MemberRole } from '../schema/enums/member-role.enum.js';
import type { MemberStatus } from '../schema/enums/member-status.enum.js';
import { fromUpstream } from '../schema/enums/enum-mapping.js';
import type { Caller } from './caller.js';
import { toIsoDateTime } from './dates.js';
import type { DatasourceDeps } from './deps.js';
import { readOne, readPage } from './list-reads.js';
import { allPages, UPSTREAM_PAGE_SIZE, type UpstreamPage } from './paging.js';
import { roleFromLabel, statusFromLabel } from './workspaces.api.js';

export interface MemberRecord {
  workspaceId: number;
  userId: number;
  email: string;
  firstName: string;
  lastName: string;
  avatar: string | null;
  role: MemberRole;
  status: MemberStatus;
  timezone: string | null;
  teamName: string | null;
  title: string | null;
  /** Null when the caller may not view rates (upstream omits them). */
  rate: number | null;
  currency: string | null;
  rateType: string | null;
  weeklyHoursLimit: number | null;
  screenshots: string | null;
  createdAt: string | null;
  updatedAt: string | null;
}

/** Upstream filters of `GET /members`, already in upstream spelling. */
export interface MemberFilters {
  role?: string;
  status?: string;
  email?: string;
}

interface WireMember {
  id: number;
  email: string;
  firstname: string;
  lastname: string;
  avatar?: string | null;
  current_role: string;
  timezone?: string | null;
  status: string;
  team_name?: string | null;
  title?: string | null;
  rate?: number | null;
  currency?: string | null;
  rate_type?: string | null;
  weekly_hours_limit?: number | null;
  screenshots?: string | null;
  created_at?: string | null;
  updated_at?: string | null;
}

export const toMember =
  (workspaceId: number) =>
  (m: WireMember): MemberRecord => ({
    workspaceId,
    userId: m.id,
    email: m.email,
    firstName: m.firstname,
    lastName: m.lastname,
    avatar: m.avatar ?? null,
    role: fromUpstream(roleFromLabel, m.current_role, 'member role'),
    status: fromUpstream(statusFromLabel, m.status, 'member status'),
    timezone: m.timezone ?? null,
    teamName: m.team_name ?? null,
    title: m.title ?? null,
    rate: m.rate ?? null,
    currency: m.currency ?? null,
    rateType: m.rate_type ?? null,
    weeklyHoursLimit: m.weekly_hours_limit ?? null,
    screenshots: m.screenshots ?? null,
    createdAt: toIsoDateTime(m.created_at),
    updatedAt: toIsoDateTime(m.updated_at),
  });

/** `GET /members` (pages) and `GET /members/{id}`. */
export class MembersApi {
  constructor(private readonly deps: DatasourceDeps) {}

  /** One upstream page (100 members), cached as its own entry so every window over it shares it. */
  page(
    caller: Caller,
    workspaceId: number,
    filters: MemberFilters,
    page: number,
  ): Promise<UpstreamPage<MemberRecord>> {
    return readPage(this.deps, caller, {
      resource: 'members',
      path: '/members',
      query: { workspace_id: workspaceId, page, per_page: UPSTREAM_PAGE_SIZE, ...filters },
      tags: [tags.workspace(workspaceId), tags.workspaceResource(workspaceId, 'members')],
      map: toMember(workspaceId),
    });
  }

  /** Every member the caller may see: ceil(total / 100) upstream calls, cold. */
  all(caller: Caller, workspaceId: number): Promise<MemberRecord[]> {
    return allPages((page) => this.page(caller, workspaceId, {}, page));
  }

  /** One member by id: one upstream call (the naive path, and single lookups). */
  byId(caller: Caller, workspaceId: number, userId: number): Promise<MemberRecord> {
    return readOne(this.deps, caller, {
      resource: 'member',
      path: `/members/${userId}`,
      query: { workspace_id: workspaceId },
      keyParams: { workspace_id: workspaceId, user_id: userId },
      tags: [tags.workspace(workspaceId), tags.member(workspaceId, userId)],
      map: toMember(workspaceId),
    });
  }
}
