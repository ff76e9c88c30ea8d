import { invert } from './enum-table.js';

/** The state of a time request or a leave request: pending → approved | rejected, once. */
export enum ApprovalStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

export const approvalStatusLabels: Readonly<Record<ApprovalStatus, string>> = {
  [ApprovalStatus.PENDING]: 'pending',
  [ApprovalStatus.APPROVED]: 'approved',
  [ApprovalStatus.REJECTED]: 'rejected',
};
export const approvalStatusFromLabel = invert(approvalStatusLabels);
