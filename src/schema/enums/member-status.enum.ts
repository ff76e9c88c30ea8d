import { registerEnumType } from 'type-graphql';
import { MemberStatus } from '../../catalogue/members.enums.js';

registerEnumType(MemberStatus, { name: 'MemberStatus', description: "A member's status in a workspace." });

export { MemberStatus };
