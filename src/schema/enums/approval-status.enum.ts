import { registerEnumType } from 'type-graphql';
import { ApprovalStatus } from '../../catalogue/approvals.enums.js';

registerEnumType(ApprovalStatus, {
  name: 'ApprovalStatus',
  description: 'A time request or leave request: PENDING until approved or rejected (once).',
});

export { ApprovalStatus };
