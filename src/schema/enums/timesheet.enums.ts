import { registerEnumType } from 'type-graphql';
import { TimesheetStatus } from '../../catalogue/timesheets.enums.js';

registerEnumType(TimesheetStatus, {
  name: 'TimesheetStatus',
  description:
    'Where a timesheet is in its review: PENDING (not submitted; WebWork says pending or open) → SUBMITTED → APPROVED or REJECTED.',
});

export { TimesheetStatus };
