import { invert } from './enum-table.js';

/** A member's role in a workspace. Upstream spells these "Owner", "Regular User", ... */
export enum MemberRole {
  OWNER = 'OWNER',
  EXECUTIVE_MANAGER = 'EXECUTIVE_MANAGER',
  TEAM_MANAGER = 'TEAM_MANAGER',
  PROJECT_MANAGER = 'PROJECT_MANAGER',
  PROJECT_VIEWER = 'PROJECT_VIEWER',
  REGULAR_USER = 'REGULAR_USER',
}

/** The upstream labels (note the capital U of "Regular User", as the API spells it). */
export const memberRoleLabels: Readonly<Record<MemberRole, string>> = {
  [MemberRole.OWNER]: 'Owner',
  [MemberRole.EXECUTIVE_MANAGER]: 'Executive manager',
  [MemberRole.TEAM_MANAGER]: 'Team manager',
  [MemberRole.PROJECT_MANAGER]: 'Project manager',
  [MemberRole.PROJECT_VIEWER]: 'Project viewer',
  [MemberRole.REGULAR_USER]: 'Regular User',
};
export const roleFromLabel = invert(memberRoleLabels);

export enum MemberStatus {
  ACTIVE = 'ACTIVE',
  INACTIVE = 'INACTIVE',
  /** Archived from the workspace. */
  LEFT = 'LEFT',
  UNKNOWN = 'UNKNOWN',
}

export const memberStatusLabels: Readonly<Record<MemberStatus, string>> = {
  [MemberStatus.ACTIVE]: 'active',
  [MemberStatus.INACTIVE]: 'inactive',
  [MemberStatus.LEFT]: 'left',
  [MemberStatus.UNKNOWN]: 'unknown',
};
export const statusFromLabel = invert(memberStatusLabels);
