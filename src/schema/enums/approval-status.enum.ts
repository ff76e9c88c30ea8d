import { registerEnumType } from 'type-graphql';
import { ApprovalStatus } from '../../catalogue/approvals.enums.js';
import { describeValues } from './describe-values.js';

registerEnumType(ApprovalStatus, {
  name: 'ApprovalStatus',
  description: 'A time request or leave request: PENDING until approved or rejected (once).',
  valuesConfig: describeValues(ApprovalStatus, {
    PENDING: 'Waiting for an Owner or Executive Manager to decide (upstream `pending`).',
    APPROVED: 'Approved (upstream `approved`); final.',
    REJECTED: 'Rejected (upstream `rejected`), usually with a comment or reason; final.',
  }),
});

export { ApprovalStatus };
