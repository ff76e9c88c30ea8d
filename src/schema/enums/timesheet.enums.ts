import { registerEnumType } from 'type-graphql';
import { TimesheetStatus } from '../../catalogue/timesheets.enums.js';
import { describeValues } from './describe-values.js';

registerEnumType(TimesheetStatus, {
  name: 'TimesheetStatus',
  description:
    'Where a timesheet is in its review: PENDING (not submitted; WebWork says pending or open) → SUBMITTED → APPROVED or REJECTED.',
  valuesConfig: describeValues(TimesheetStatus, {
    PENDING: 'Not submitted yet (upstream `pending` in one doc version, `open` in the other).',
    SUBMITTED: 'Submitted and waiting for review; only a submitted timesheet can be approved or rejected.',
    APPROVED: 'Approved by an Owner or Executive Manager.',
    REJECTED: 'Rejected by an Owner or Executive Manager, with a reason (`rejectReason`).',
  }),
});

export { TimesheetStatus };
