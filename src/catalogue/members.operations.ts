import { tags } from '../cache/keys.js';
import { toIsoDateTime } from './dates.js';
import { fromUpstream } from './enum-table.js';
import {
  type MemberRole,
  type MemberStatus,
  memberRoleLabels,
  memberStatusLabels,
  roleFromLabel,
  statusFromLabel,
} from './members.enums.js';
import { list, read } from './operation.js';

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

const toMember = (m: WireMember, { workspaceId }: { workspaceId: number }): MemberRecord => ({
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

export interface MembersArgs {
  workspaceId: number;
  role?: MemberRole | null;
  status?: MemberStatus | null;
  email?: string | null;
}

/** `GET /members`: pages of 100 that also serve every by-id lookup of the request. */
export const membersList = list<MembersArgs, WireMember, MemberRecord>({
  name: 'members',
  path: '/members',
  cache: 'lists',
  query: (a) => ({
    workspace_id: a.workspaceId,
    role: a.role ? memberRoleLabels[a.role] : undefined,
    status: a.status ? memberStatusLabels[a.status] : undefined,
    email: a.email,
  }),
  tags: (a) => [tags.workspace(a.workspaceId), tags.workspaceResource(a.workspaceId, 'members')],
  map: toMember,
});

/** `GET /members/{memberId}`: one member (the naive loader mode only). */
export const memberById = read<{ workspaceId: number; id: number }, WireMember, MemberRecord>({
  name: 'member',
  path: '/members/{memberId}',
  pathParams: (a) => ({ memberId: a.id }),
  cache: 'lists',
  query: (a) => ({ workspace_id: a.workspaceId }),
  key: (a) => ({ workspace_id: a.workspaceId, user_id: a.id }),
  tags: (a) => [tags.workspace(a.workspaceId), tags.member(a.workspaceId, a.id)],
  map: (m, a) => toMember(m!, a),
});
