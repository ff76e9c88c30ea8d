import { MemberStatus, memberStatus } from '../../catalogue/members.enums.js';
import { registerEnum } from './register-enum.js';

registerEnum(memberStatus, 'MemberStatus', "A member's status in a workspace.");

export { MemberStatus };
