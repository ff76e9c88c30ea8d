import { defineEnum, type EnumOf } from './enum-table.js';

/** The state of a time request or a leave request: pending → approved | rejected, once. */
export const approvalStatus = defineEnum({
  PENDING: ['pending', 'Waiting for an Owner or Executive Manager to decide (upstream `pending`).'],
  APPROVED: ['approved', 'Approved (upstream `approved`); final.'],
  REJECTED: ['rejected', 'Rejected (upstream `rejected`), usually with a comment or reason; final.'],
});
export const ApprovalStatus = approvalStatus.values;
export type ApprovalStatus = EnumOf<typeof approvalStatus>;
