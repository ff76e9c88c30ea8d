import { tags } from '../cache/keys.js';
import { toIsoDateTime } from './dates.js';
import { fromUpstream } from './enum-table.js';
import { MemberRole, MemberStatus, memberRole, memberStatus } from './members.enums.js';
import { GatewayError } from '../errors/gateway-error.js';
import { list, type Reads, write, type WriteOutcome } from './operation.js';
import { byIdRead, objectPath, workspaceListTags } from './workspace-objects.js';

export interface MemberRecord extends WriteOutcome {
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
  role: fromUpstream(memberRole.fromWire, m.current_role, 'member role'),
  status: fromUpstream(memberStatus.fromWire, m.status, 'member status'),
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
    role: memberRole.wire(a.role),
    status: memberStatus.wire(a.status),
    email: a.email,
  }),
  tags: workspaceListTags('members'),
  map: toMember,
});

/** `GET /members/{memberId}`: one member (the naive loader mode only). */
export const memberById = byIdRead({
  name: 'member',
  path: '/members/{memberId}',
  keyParam: 'user_id',
  tags: (a) => [tags.workspace(a.workspaceId), tags.member(a.workspaceId, a.id)],
  map: toMember,
});

export interface InviteMemberArgs {
  workspaceId: number;
  email: string;
  firstName: string;
  lastName: string;
  role: MemberRole;
}

export interface MemberRefArgs {
  workspaceId: number;
  userId: number;
}

export interface UpdateMemberArgs extends MemberRefArgs {
  email?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  timezone?: string | null;
  role?: MemberRole | null;
  /** Whether the member's rate is visible (upstream `rate_status` 1/0). */
  rateVisible?: boolean | null;
  weeklyHoursLimit?: number | null;
  removeAvatar?: boolean | null;
}

interface WireInvitation {
  user_id?: number;
  invitation_link?: string;
}

/**
 * What a member write makes stale: the members list (it serves by-id lookups), the member by id,
 * and the workspace lists (a member's role and membership show there).
 */
const memberStale = (a: { workspaceId: number; userId?: number }) => [
  tags.workspaceResource(a.workspaceId, 'members'),
  tags.workspaceList(),
  ...(a.userId === undefined ? [] : [tags.member(a.workspaceId, a.userId)]),
];

const readMember = (reads: Reads, a: MemberRefArgs) =>
  reads.read(memberById, { workspaceId: a.workspaceId, id: a.userId });

/** A member as a write's input tells it (the answer when the state cannot be read back). */
const toldMember = (
  a: MemberRefArgs & {
    email?: string | null;
    firstName?: string | null;
    lastName?: string | null;
    role?: MemberRole | null;
  },
  status: MemberStatus,
): MemberRecord => ({
  workspaceId: a.workspaceId,
  userId: a.userId,
  email: a.email ?? '',
  firstName: a.firstName ?? '',
  lastName: a.lastName ?? '',
  avatar: null,
  role: a.role ?? MemberRole.REGULAR_USER,
  status,
  timezone: null,
  teamName: null,
  title: null,
  rate: null,
  currency: null,
  rateType: null,
  weeklyHoursLimit: null,
  screenshots: null,
  createdAt: null,
  updatedAt: null,
});

/**
 * `POST /members` (Owners and Executive Managers): WebWork emails an invitation and answers with
 * the new member's `user_id` only; the resolver reads the member back by that id.
 */
export const inviteMember = write<InviteMemberArgs, WireInvitation | null, MemberRecord>({
  name: 'inviteMember',
  method: 'POST',
  path: '/members',
  query: (a) => ({ workspace_id: a.workspaceId }),
  verb: 'invitation',
  subject: 'members list',
  body: (a) => ({
    workspace_id: a.workspaceId,
    email: a.email,
    firstname: a.firstName,
    lastname: a.lastName,
    role: memberRole.toWire[a.role],
  }),
  stale: (a) => memberStale({ workspaceId: a.workspaceId }),
  told: (a, d) => {
    if (d?.user_id == null) {
      throw new GatewayError(
        'UPSTREAM_UNAVAILABLE',
        'WebWork sent the invitation but did not tell the member id; read the members list before inviting again.',
      );
    }
    // Invited, not yet accepted: WebWork's own status arrives with the read-back.
    return toldMember({ ...a, userId: d.user_id }, MemberStatus.INACTIVE);
  },
});

/**
 * `PUT /members/{memberId}`: profile, role, rate visibility, weekly limit; read back.
 *
 * No team: issue 8 asks for "update (role, rate, limits, team)", but REFERENCE §10.2 documents no
 * team field on this body (email, firstname, lastname, timezone, role, rate_status,
 * weekly_hours_limit, remove_avatar) and no other write of a member's team; `team_name` is only
 * read (§9.2). The gateway does not invent a wire field for it, so `teamName` stays read-only.
 * The rate itself is a contract's (`updateContract`); a member carries only its visibility.
 */
export const updateMember = write<UpdateMemberArgs, WireMember | null, MemberRecord>({
  name: 'updateMember',
  method: 'PUT',
  ...objectPath('/members/{memberId}', (a: MemberRefArgs) => a.userId),
  verb: 'member update',
  subject: 'member',
  body: (a) => ({
    workspace_id: a.workspaceId,
    email: a.email,
    firstname: a.firstName,
    lastname: a.lastName,
    timezone: a.timezone,
    role: memberRole.wire(a.role),
    rate_status: a.rateVisible == null ? undefined : a.rateVisible ? 1 : 0,
    weekly_hours_limit: a.weeklyHoursLimit,
    remove_avatar: a.removeAvatar ? 1 : undefined,
  }),
  stale: memberStale,
  told: (a, m) => (m ? toMember(m, a) : toldMember(a, MemberStatus.UNKNOWN)),
  readBack: { read: readMember },
});

/** `DELETE /members/{memberId}`: archives the member (status LEFT; restorable in the web app). */
export const removeMember = write<MemberRefArgs, unknown, MemberRecord>({
  name: 'removeMember',
  method: 'DELETE',
  ...objectPath('/members/{memberId}', (a: MemberRefArgs) => a.userId),
  verb: 'member archive',
  subject: 'member',
  stale: memberStale,
  told: (a) => toldMember(a, MemberStatus.LEFT),
  readBack: { read: readMember, applied: (state) => state.status === MemberStatus.LEFT },
});
