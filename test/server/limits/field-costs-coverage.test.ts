import 'reflect-metadata';
import { getMetadataStorage } from 'type-graphql';
import { buildGatewaySchema } from '../../../src/schema/build-schema.js';
import { FIELD_COSTS } from '../../../src/server/limits/query-cost.js';

/**
 * Fields whose resolvers take the request context but cost no upstream read of their own: by-id
 * lookups served from a workspace list the request reads once (counted where the list is).
 */
const SERVED_FROM_LISTS = new Set([
  'Contract.member',
  'Contract.project',
  'Task.project',
  'TaskAssignee.member',
  'TrackerState.member',
  'TrackerState.contract',
  'TimeRequest.member',
  'TimeRequest.contract',
  'TimeRequest.project',
  'Leave.member',
  'ProjectViewer.projects',
  'Task.parentTask',
  'Task.creator',
  // Embedded in the task lists (REFERENCE 9.5); read on their own only when a task lacks them.
  'Task.assignees',
  'Project.owner',
  'Timesheet.member',
  'TimesheetEntry.project',
]);

describe('the query cost table covers every field that can call WebWork', () => {
  it('each resolver that uses the request context (loaders, operations) is costed or served from lists', async () => {
    const schema = await buildGatewaySchema();
    const storage = getMetadataStorage();
    const usesContext = (target: unknown, method: string) =>
      storage.params.some((p) => p.target === target && p.methodName === method && p.kind === 'context');
    const coordinates = [
      ...storage.queries.map((q) => ({ q, type: 'Query' })),
      ...storage.mutations.map((q) => ({ q, type: 'Mutation' })),
    ]
      .filter(({ q }) => usesContext(q.target, q.methodName))
      .map(({ q, type }) => `${type}.${q.schemaName}`);
    for (const resolver of storage.fieldResolvers) {
      if (!usesContext(resolver.target, resolver.methodName)) continue;
      const parent = resolver.getObjectType?.() as { name: string } | undefined;
      if (parent) coordinates.push(`${parent.name}.${resolver.schemaName}`);
    }
    const inSchema = coordinates.filter((c) => {
      const [type, field] = c.split('.') as [string, string];
      const named = schema.getType(type);
      return named !== undefined && 'getFields' in named && field in named.getFields();
    });
    expect(inSchema.length).toBeGreaterThan(10);
    const uncosted = [...new Set(inSchema)].filter((c) => !(c in FIELD_COSTS) && !SERVED_FROM_LISTS.has(c));
    expect(uncosted).toEqual([]);
  });
});
