import { ApprovalStatus } from './approvals.enums.js';
import { type Reads, write, type WriteOperation, type WriteOutcome } from './operation.js';
import { objectPath } from './workspace-objects.js';

/**
 * The two decisions on a pending request (time requests, leaves): `<method> <path>/approve` and
 * `<path>/reject` with a required text, both answering with the request or `data: null`. The state
 * is read back; a decision is applied once the request read back has its status, which settles a
 * decision that timed out without sending it again.
 */
/** A request as its records say: its status decides whether a decision was applied. */
type Decided = WriteOutcome & { status: ApprovalStatus };

export interface DecisionsSpec<A extends { workspaceId: number }, W, R extends Decided> {
  /** `Leave` → `approveLeave`, `rejectLeave`. */
  noun: string;
  method: 'POST' | 'PUT';
  /** The request's path: `/leaves/{leaveId}`. */
  path: string;
  id: (args: A) => string;
  /** What a caller reads to learn the outcome: "leave". */
  subject: string;
  /** The body field of the reject's text (`reason`, `comment`). */
  reasonField: keyof A & string;
  stale: (args: A) => string[];
  /** What the answer and the input tell, when the state cannot be read back. */
  told: (args: A, data: W | null | undefined, status: ApprovalStatus) => R;
  read: (reads: Reads, args: A) => Promise<R | null>;
  merge?: (fresh: R, told: R) => R;
}

export function decisions<A extends { workspaceId: number }, W, R extends Decided>(
  spec: DecisionsSpec<A, W, R>,
): { approve: WriteOperation<A, W, R>; reject: WriteOperation<A, W, R> } {
  const decision = (action: 'approve' | 'reject', verb: string, to: ApprovalStatus, text?: string) => {
    const { pathParams } = objectPath(`${spec.path}/${action}`, spec.id);
    return write<A, W, R>({
      name: `${action}${spec.noun}`,
      method: spec.method,
      path: `${spec.path}/${action}`,
      pathParams,
      verb,
      subject: spec.subject,
      body: (a) => ({ workspace_id: a.workspaceId, ...(text && { [text]: a[text as keyof A] as string }) }),
      stale: spec.stale,
      told: (a, data) => spec.told(a, data, to),
      readBack: {
        read: spec.read,
        ...(spec.merge && { merge: spec.merge }),
        applied: (state) => state.status === to,
      },
    });
  };
  return {
    approve: decision('approve', 'approval', ApprovalStatus.APPROVED),
    reject: decision('reject', 'rejection', ApprovalStatus.REJECTED, spec.reasonField),
  };
}
