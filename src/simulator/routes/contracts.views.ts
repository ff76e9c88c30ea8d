import { canViewRates } from '../http/auth.js';
import { forbidden, notFound } from '../http/api-error.js';
import type { Contract, CONTRACT_SCREENSHOTS, Membership } from '../state/model.js';
import { memberKey, type SimState } from '../state/store.js';
import { teamOf } from './projects.views.js';

/**
 * Which contracts a caller sees (doc set A, GET /contracts): Owners and Executive managers all;
 * Project managers the contracts of projects they hold a contract on, plus their own; Team managers
 * the contracts of their team (same `team_name`), plus their own; Project viewers (the docs'
 * "Clients") the contracts of their assigned projects; Regular Users their own.
 */
export function canSeeContract(state: SimState, caller: Membership, contract: Contract): boolean {
  const { role, userId, workspaceId } = caller;
  if (contract.workspaceId !== workspaceId) return false;
  if (role === 'Owner' || role === 'Executive manager') return true;
  if (contract.userId === userId) return true;
  if (role === 'Project viewer') {
    return (
      state.viewers.get(memberKey(workspaceId, userId))?.projectIds.includes(contract.projectId) ?? false
    );
  }
  if (role === 'Team manager') return teamOf(state, caller).has(contract.userId);
  if (role === 'Project manager') {
    return state
      .contractsOf(workspaceId)
      .some((c) => c.userId === userId && c.projectId === contract.projectId);
  }
  return false;
}

/** A contract of the workspace: unknown is a 404, outside the caller's visibility a 403. */
export function findContract(state: SimState, caller: Membership, contractId: number): Contract {
  const contract = state.contracts.get(contractId);
  if (!contract || contract.workspaceId !== caller.workspaceId) {
    throw notFound(`No contract with id ${contractId} in workspace ${caller.workspaceId}`);
  }
  if (!canSeeContract(state, caller, contract)) {
    throw forbidden(`Your role "${caller.role}" does not let you view contract ${contractId}`);
  }
  return contract;
}

/**
 * Human labels of the screenshot modes. Assumption (GAPS Contracts): only "Screenshot on" (full)
 * is documented; the other labels are made up in the same style.
 */
const SCREENSHOT_LABELS: Record<(typeof CONTRACT_SCREENSHOTS)[number], string> = {
  full: 'Screenshot on',
  blurred: 'Blurred screenshots',
  no_preview: 'Screenshot on, no preview',
  no_screenshot: 'Screenshot off',
  background_blurred: 'Background blurred',
  video_full: 'Video on',
  video_blurred: 'Blurred video',
  video_full_silent: 'Video on, silent',
  video_blurred_silent: 'Blurred video, silent',
};

/**
 * REFERENCE §9.4 Contract. `rate` and `currency` appear only when the viewer may view rates AND
 * the project is billable (`'full'` = webhook payloads, billability still applies).
 */
export function contractView(state: SimState, contract: Contract, viewer: Membership | 'full') {
  const project = state.projects.get(contract.projectId);
  const user = state.users.get(contract.userId);
  const member = state.membership(contract.workspaceId, contract.userId);
  const isBillable = project?.isBillable ?? false;
  const showRate = isBillable && (viewer === 'full' || canViewRates(viewer));
  return {
    id: contract.id,
    project_id: contract.projectId,
    project_name: project?.name ?? null,
    project_icon: project?.icon ?? null,
    user_id: contract.userId,
    user_firstname: user?.firstname ?? null,
    user_lastname: user?.lastname ?? null,
    user_email: user?.email ?? null,
    user_role: member?.role ?? null,
    weekly_hours_limit: contract.weeklyHoursLimit,
    screenshots: contract.screenshots,
    screenshots_label: contract.screenshots ? SCREENSHOT_LABELS[contract.screenshots] : null,
    ...(showRate ? { rate: contract.rate } : {}),
    rate_type: contract.rateType,
    status: contract.status,
    ...(showRate ? { currency: contract.currency } : {}),
    is_billable: isBillable,
    created_at: contract.createdAt,
    updated_at: contract.updatedAt,
  };
}
