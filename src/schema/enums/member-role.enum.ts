import { MemberRole, memberRole } from '../../catalogue/members.enums.js';
import { registerEnum } from './register-enum.js';

registerEnum(
  memberRole,
  'MemberRole',
  "A member's role in a workspace. WebWork reserves many operations for Owners and Executive Managers and filters lists by role for the others.",
);

export { MemberRole };
