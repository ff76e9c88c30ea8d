import { registerEnumType } from 'type-graphql';

/** A member's role in a workspace. Upstream spells these "Owner", "Regular User", ... */
export enum MemberRole {
  OWNER = 'OWNER',
  EXECUTIVE_MANAGER = 'EXECUTIVE_MANAGER',
  TEAM_MANAGER = 'TEAM_MANAGER',
  PROJECT_MANAGER = 'PROJECT_MANAGER',
  PROJECT_VIEWER = 'PROJECT_VIEWER',
  REGULAR_USER = 'REGULAR_USER',
}

registerEnumType(MemberRole, { name: 'MemberRole', description: "A member's role in a workspace." });

/** The upstream labels (note the capital U of "Regular User", as the API spells it). */
export const memberRoleLabels: Readonly<Record<MemberRole, string>> = {
  [MemberRole.OWNER]: 'Owner',
  [MemberRole.EXECUTIVE_MANAGER]: 'Executive manager',
  [MemberRole.TEAM_MANAGER]: 'Team manager',
  [MemberRole.PROJECT_MANAGER]: 'Project manager',
  [MemberRole.PROJECT_VIEWER]: 'Project viewer',
  [MemberRole.REGULAR_USER]: 'Regular User',
};
