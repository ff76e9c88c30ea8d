import { registerEnumType } from 'type-graphql';
import { MemberRole } from '../../catalogue/members.enums.js';
import { describeValues } from './describe-values.js';

registerEnumType(MemberRole, {
  name: 'MemberRole',
  description:
    "A member's role in a workspace. WebWork reserves many operations for Owners and Executive Managers and filters lists by role for the others.",
  valuesConfig: describeValues(MemberRole, {
    OWNER: 'The workspace owner (upstream "Owner").',
    EXECUTIVE_MANAGER:
      'Has the access WebWork documents as "Owners and Executive Managers" (upstream "Executive manager").',
    TEAM_MANAGER: 'Manages a team (upstream "Team manager"); may create and unassign tasks.',
    PROJECT_MANAGER: 'Manages projects (upstream "Project manager"); may create and unassign tasks.',
    PROJECT_VIEWER: 'A client with read-only access to chosen projects (upstream "Project viewer").',
    REGULAR_USER: 'A member without a management role (upstream "Regular User", with a capital U).',
  }),
});

export { MemberRole };
