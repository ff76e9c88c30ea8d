import { registerEnumType } from 'type-graphql';
import { MemberRole } from '../../catalogue/members.enums.js';

registerEnumType(MemberRole, { name: 'MemberRole', description: "A member's role in a workspace." });

export { MemberRole };
