import { ApprovalStatus, approvalStatus } from '../../catalogue/approvals.enums.js';
import { registerEnum } from './register-enum.js';

registerEnum(
  approvalStatus,
  'ApprovalStatus',
  'A time request or leave request: PENDING until approved or rejected (once).',
);

export { ApprovalStatus };
