import { TimesheetStatus, timesheetStatus } from '../../catalogue/timesheets.enums.js';
import { registerEnum } from './register-enum.js';

registerEnum(
  timesheetStatus,
  'TimesheetStatus',
  'Where a timesheet is in its review: PENDING (not submitted; WebWork says pending or open) → SUBMITTED → APPROVED or REJECTED.',
);

export { TimesheetStatus };
