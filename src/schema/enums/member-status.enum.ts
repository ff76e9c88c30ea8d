import { registerEnumType } from 'type-graphql';
import { MemberStatus } from '../../catalogue/members.enums.js';
import { describeValues } from './describe-values.js';

registerEnumType(MemberStatus, {
  name: 'MemberStatus',
  description: "A member's status in a workspace.",
  valuesConfig: describeValues(MemberStatus, {
    ACTIVE: 'A current member (upstream `active`).',
    INACTIVE: 'In the workspace but not active (upstream `inactive`; WebWork does not document when).',
    LEFT: 'Archived from the workspace (upstream `left`).',
    UNKNOWN: 'WebWork reported `unknown`.',
  }),
});

export { MemberStatus };
