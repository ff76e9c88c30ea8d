import { defineEnum, type EnumOf } from './enum-table.js';

/**
 * Where a timesheet is in its review: pending → submitted → approved | rejected (REFERENCE §11).
 * Filters send doc set A's `pending`; both doc sets' names of the draft status are read back
 * (`open` is doc set B's, GAPS Timesheets).
 */
export const timesheetStatus = defineEnum(
  {
    PENDING: ['pending', 'Not submitted yet (upstream `pending` in one doc version, `open` in the other).'],
    SUBMITTED: [
      'submitted',
      'Submitted and waiting for review; only a submitted timesheet can be approved or rejected.',
    ],
    APPROVED: ['approved', 'Approved by an Owner or Executive Manager.'],
    REJECTED: ['rejected', 'Rejected by an Owner or Executive Manager, with a reason (`rejectReason`).'],
  },
  { open: 'PENDING' },
);
export const TimesheetStatus = timesheetStatus.values;
export type TimesheetStatus = EnumOf<typeof timesheetStatus>;
