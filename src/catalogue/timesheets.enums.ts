/** Where a timesheet is in its review: pending → submitted → approved | rejected (REFERENCE §11). */
export enum TimesheetStatus {
  /** Not submitted yet: doc set A's `pending`, doc set B's `open`. */
  PENDING = 'PENDING',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

/** The filter values sent upstream (the list accepts doc set A's `pending` and B's `open`). */
export const timesheetStatusLabels: Readonly<Record<TimesheetStatus, string>> = {
  [TimesheetStatus.PENDING]: 'pending',
  [TimesheetStatus.SUBMITTED]: 'submitted',
  [TimesheetStatus.APPROVED]: 'approved',
  [TimesheetStatus.REJECTED]: 'rejected',
};

/** Upstream spellings read back: both doc sets' names of the draft status (GAPS Timesheets). */
export const timesheetStatusFromLabel: Readonly<Record<string, TimesheetStatus>> = {
  pending: TimesheetStatus.PENDING,
  open: TimesheetStatus.PENDING,
  submitted: TimesheetStatus.SUBMITTED,
  approved: TimesheetStatus.APPROVED,
  rejected: TimesheetStatus.REJECTED,
};
