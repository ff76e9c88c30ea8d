import type { Profile } from '../profile.js';
import type { TimeRequest } from '../state/model.js';

/**
 * REFERENCE §9.10 TimeRequest (the doc set B object; doc set A's list items were not captured).
 * `lenient` repeats `notes` as `activity_description`, doc set A's name for the same idea; no doc
 * shows that field on the object, so `docs-exact` does not (profile `undocumentedFields`).
 */
export function timeRequestView(request: TimeRequest, profile: Profile): Record<string, unknown> {
  return {
    id: request.id,
    user_id: request.userId,
    contract_id: request.contractId,
    project_id: request.projectId,
    task_id: request.taskId,
    start: request.start,
    end: request.end,
    status: request.status,
    notes: request.notes,
    ...(profile.undocumentedFields ? { activity_description: request.notes } : {}),
    comment: request.comment,
    updated_by: request.updatedBy,
    created_at: request.createdAt,
    updated_at: request.updatedAt,
  };
}
