/**
 * Simulator profiles: how closely the wire follows the documentation (issue 8, "The simulator must
 * not flatter the gateway").
 *
 * - `lenient`: the simulator as it has always been: the union of both doc sets, extra fields that
 *   make a client's life easy (`is_running`), `meta.pagination` on every list, full objects from
 *   actions, permissive defaults.
 * - `docs-exact`: only what REFERENCE.md documents: documented fields, documented pagination
 *   blocks, the seed's permissions, ids and time zones as documented, and for every conflict
 *   between the doc sets the variant `lenient` does not serve, so a client tested under both
 *   profiles survives either.
 *
 * Each difference is one named rule below; routes read `ctx.profile.<rule>`, never the profile's
 * name, so a rule can be looked up, documented and tested on its own. README.md lists them with
 * their reference lines.
 */

export const PROFILE_NAMES = ['lenient', 'docs-exact'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

/**
 * The profile of a simulator started without one: `docs-exact` (issue 8), so the demo run and the
 * tests see only documented facts; `lenient` stays available through `--profile lenient`.
 */
export const DEFAULT_PROFILE: ProfileName = 'docs-exact';

export interface Profile {
  readonly name: ProfileName;
  /**
   * `meta.pagination` on every list. REFERENCE §4: the block "is documented for `GET /workspaces`
   * ... and shown on `GET /members`, `GET /time-entries` and `GET /webhooks`"; `GET /contracts`
   * has a top-level `pagination`; "Other list endpoints (projects, tasks, timesheets, time
   * requests, leaves, expenses, project viewers) ... their examples show no pagination block".
   * Off: only those four lists carry `meta.pagination`, contracts only the top-level block.
   */
  readonly paginationOnEveryList: boolean;
  /**
   * Fields and echoes no doc shows: current-data's `is_running` and `start_time` (§10.11 lists
   * contract_id, user_id, activity_description, task_id, task_title, total_seconds, total_minutes,
   * date), a time request's `activity_description` copy of `notes` (§9.10), a leave's `policy_id`
   * and `leave_type` (§9.11), a policy's `days_per_year` and `hours_per_day` (§10.9 infers only
   * id, name, is_paid, time_unit), and `time_entry_id` added to an approved time request.
   */
  readonly undocumentedFields: boolean;
  /**
   * Who start, stop and current-data act for. On: any role acts for itself and a missing
   * `user_id` means the caller (doc set B's reading). Off, the seed (REFERENCE §0: "start and stop
   * are for Owners and Executive Managers"; §10.11 current-data "Who may call: Owners and
   * Executive Managers only"; `user_id` "required: yes" on all three): other roles get 403 and a
   * missing `user_id` is a 400.
   */
  readonly trackingForSelf: boolean;
  /**
   * Whether current-data sees trackers running "from the desktop app". Off: REFERENCE §10.11
   * current-data "Only works when the tracker was started from the API or the browser", so such a
   * tracker reads as idle there (webhooks, stop and reports still see it).
   */
  readonly currentDataSeesDesktopTrackers: boolean;
  /**
   * `project_id` optional on `GET /tasks` and the task-by-id operations. Off: REFERENCE §10.5 marks
   * it "required: yes" on GET /tasks ("Required in doc set B"), GET/PUT/DELETE /tasks/{taskId},
   * assign, unassign and assignees (§1: "every body field except workspace_id (and project_id for
   * tasks) is optional").
   */
  readonly taskProjectIdOptional: boolean;
  /**
   * The wire type of leave policy ids. REFERENCE §10.9 POST /leaves and GET /leaves: "`policy_id`
   * | integer" (example 456). `uuid` keeps the simulator's historical UUID strings.
   */
  readonly leavePolicyIds: 'uuid' | 'integer';
  /**
   * The offset of daily-timeline times. REFERENCE §10.13 daily-timeline: "Times in ISO 8601 with
   * the workspace owner's timezone offset" (and GAPS G13: its `date` is in that time zone).
   */
  readonly timelineZone: 'utc' | 'owner';
  /**
   * `id` in the `data` of `POST /time-entries`. REFERENCE §10.12 lists the create response without
   * `id` (GAPS: "`data` is assumed to mirror the TimeEntry object without `id`").
   */
  readonly timeEntryCreateReturnsId: boolean;
  /**
   * Whether approve, reject, submit, unsubmit (timesheets, time requests, leaves) and the viewer
   * actions (archive, restore, assign-project, unassign-project) return the changed object. Off:
   * REFERENCE shows "`(data)` | object\|null" for each of them, so `data` is null.
   */
  readonly actionsReturnObjects: boolean;
  /**
   * The name of a timesheet not yet submitted. Doc set A: `pending`; doc set B: `open` (GAPS
   * Timesheets: "doc set A uses `pending` (and its text also says `open`); doc set B uses
   * `open`"). The filter accepts both in either profile (REFERENCE §10.7 lists all five values).
   */
  readonly timesheetDraftStatus: 'pending' | 'open';
  /**
   * Time request create (REFERENCE §8 / §10.8). `union`: both bodies (`notes` or
   * `activity_description`) and the full TimeRequest back (doc set B). `doc-set-a`: the text goes
   * in `activity_description` (a `notes` field is ignored) and `data` is `{id, status}`.
   */
  readonly timeRequestCreate: 'union' | 'doc-set-a';
  /**
   * The type of a project viewer's `id` on the wire: integer (doc set B) or string (doc set A
   * types `viewerId` as a string; GAPS Project Viewers).
   */
  readonly viewerIdType: 'integer' | 'string';
}

export const PROFILES: Readonly<Record<ProfileName, Profile>> = Object.freeze({
  lenient: Object.freeze({
    name: 'lenient',
    paginationOnEveryList: true,
    undocumentedFields: true,
    trackingForSelf: true,
    currentDataSeesDesktopTrackers: true,
    taskProjectIdOptional: true,
    leavePolicyIds: 'uuid',
    timelineZone: 'utc',
    timeEntryCreateReturnsId: true,
    actionsReturnObjects: true,
    timesheetDraftStatus: 'pending',
    timeRequestCreate: 'union',
    viewerIdType: 'integer',
  }),
  'docs-exact': Object.freeze({
    name: 'docs-exact',
    paginationOnEveryList: false,
    undocumentedFields: false,
    trackingForSelf: false,
    currentDataSeesDesktopTrackers: false,
    taskProjectIdOptional: false,
    leavePolicyIds: 'integer',
    timelineZone: 'owner',
    timeEntryCreateReturnsId: false,
    actionsReturnObjects: false,
    timesheetDraftStatus: 'open',
    timeRequestCreate: 'doc-set-a',
    viewerIdType: 'string',
  }),
});

/** A profile name from a flag or `POST /__sim/config`; anything else fails naming the choices. */
export function parseProfileName(raw: unknown, where: string): ProfileName {
  if (typeof raw === 'string' && (PROFILE_NAMES as readonly string[]).includes(raw)) {
    return raw as ProfileName;
  }
  throw new Error(`${where} expects one of ${PROFILE_NAMES.join(', ')}, got ${JSON.stringify(raw)}`);
}
