import { defineEnum, type EnumOf } from './enum-table.js';

/** An attendance status the daily attendance report filters by (upstream `status`). */
export const attendanceStatus = defineEnum({
  LATE: ['late', 'Marked late (`late`).'],
  LEFT_EARLY: ['left_early', 'Marked as having left early (`left_early`).'],
  TRACKED_LESS: ['tracked_less', 'Marked as having tracked less than expected (`tracked_less`).'],
  ABSENT: ['absent', 'Marked absent (`absent`).'],
  ON_LEAVE: ['on_leave', 'Marked on leave (`on_leave`).'],
});
export const AttendanceStatus = attendanceStatus.values;
export type AttendanceStatus = EnumOf<typeof attendanceStatus>;
