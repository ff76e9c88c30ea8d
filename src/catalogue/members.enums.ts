import { defineEnum, type EnumOf } from './enum-table.js';

/** A member's role in a workspace. Upstream spells these "Owner", "Regular User", ... */
export const memberRole = defineEnum({
  OWNER: ['Owner', 'The workspace owner (upstream "Owner").'],
  EXECUTIVE_MANAGER: [
    'Executive manager',
    'Has the access WebWork documents as "Owners and Executive Managers" (upstream "Executive manager").',
  ],
  TEAM_MANAGER: ['Team manager', 'Manages a team (upstream "Team manager"); may create and unassign tasks.'],
  PROJECT_MANAGER: [
    'Project manager',
    'Manages projects (upstream "Project manager"); may create and unassign tasks.',
  ],
  PROJECT_VIEWER: [
    'Project viewer',
    'A client with read-only access to chosen projects (upstream "Project viewer").',
  ],
  // Note the capital U of "Regular User", as the API spells it.
  REGULAR_USER: [
    'Regular User',
    'A member without a management role (upstream "Regular User", with a capital U).',
  ],
});
export const MemberRole = memberRole.values;
export type MemberRole = EnumOf<typeof memberRole>;

export const memberStatus = defineEnum({
  ACTIVE: ['active', 'A current member (upstream `active`).'],
  INACTIVE: [
    'inactive',
    'In the workspace but not active (upstream `inactive`; WebWork does not document when).',
  ],
  LEFT: ['left', 'Archived from the workspace (upstream `left`).'],
  UNKNOWN: ['unknown', 'WebWork reported `unknown`.'],
});
export const MemberStatus = memberStatus.values;
export type MemberStatus = EnumOf<typeof memberStatus>;
