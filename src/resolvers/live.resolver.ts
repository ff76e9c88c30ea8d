import { Arg, Ctx, FieldResolver, Int, Resolver, Root, Subscription, type ResolverData } from 'type-graphql';
import { MemberRole } from '../catalogue/members.enums.js';
import type { MemberRecord } from '../catalogue/members.operations.js';
import type { ProjectRecord } from '../catalogue/projects.operations.js';
import type { WorkspaceRecord } from '../catalogue/workspaces.operations.js';
import type { LiveEvent } from '../live/live-event.js';
import { trackerRecordOf, type LiveTrackerRecord } from '../live/tracker-payload.js';
import { Member } from '../schema/types/member.type.js';
import { MemberChangeEvent, ProjectChangeEvent } from '../schema/types/live-events.type.js';
import { Project } from '../schema/types/project.type.js';
import { TrackerState } from '../schema/types/tracker-state.type.js';
import type { LiveContext } from '../server/subscriptions/live-context.js';
import { openLiveStream } from '../server/subscriptions/live-stream.js';
import { positiveId } from './validate.js';

type MemberEvent = Extract<LiveEvent, { kind: 'member' }>;
type ProjectEvent = Extract<LiveEvent, { kind: 'project' }>;
type SubscribeData = Pick<ResolverData<LiveContext>, 'context'> & { args: { workspaceId: number } };

/** Only Owners and Executive Managers may read other members' trackers (WebWork's current-data rule). */
const seesEveryTracker = (access: WorkspaceRecord) =>
  access.viewerRole === MemberRole.OWNER || access.viewerRole === MemberRole.EXECUTIVE_MANAGER;

const WORKSPACE_ARG = { description: 'A workspace the caller belongs to (see the `workspaces` query).' };

/**
 * The live board's subscriptions (graphql-ws on /graphql; see server/subscriptions/). Each is the
 * LiveBus's events of one workspace, for a subscriber whose access was checked when it subscribed
 * and keeps being rechecked (live-stream.ts).
 */
@Resolver()
export class LiveResolver {
  @Subscription(() => TrackerState, {
    description:
      "A member's tracker changed (started, stopped, or first learned). Owners and Executive Managers receive every member's; other roles their own only. Carries `asOf`/`source`; `contract`, `todaySeconds`, `todayMinutes` and `date` are null when the event did not tell them (a webhook carries no day totals: query `Member.tracker` for them).",
    subscribe: ({ args, context }: SubscribeData) => {
      positiveId('workspaceId', args.workspaceId);
      return openLiveStream(context, {
        field: 'trackerChanged',
        workspaceId: args.workspaceId,
        accepts: (event, access) =>
          event.kind === 'tracker' && (seesEveryTracker(access) || event.userId === access.viewerUserId),
        toPayload: (event) => trackerRecordOf((event as Extract<LiveEvent, { kind: 'tracker' }>).tracker),
        // Without webhooks, trackers change unseen: the refresher polls the watched workspaces.
        whileOpen: () => context.services.refresher.watch(context.caller, args.workspaceId),
      });
    },
  })
  trackerChanged(
    @Root() tracker: LiveTrackerRecord,
    @Arg('workspaceId', () => Int, WORKSPACE_ARG) _workspaceId: number,
  ): LiveTrackerRecord {
    return tracker;
  }

  @Subscription(() => MemberChangeEvent, {
    nullable: true,
    description: 'A member of the workspace was added, changed or removed (WebWork `member.*` events).',
    subscribe: ({ args, context }: SubscribeData) => {
      positiveId('workspaceId', args.workspaceId);
      return openLiveStream(context, {
        field: 'memberChanged',
        workspaceId: args.workspaceId,
        accepts: (event) => event.kind === 'member',
        toPayload: (event) => event,
      });
    },
  })
  memberChanged(
    @Root() event: MemberEvent,
    @Arg('workspaceId', () => Int, WORKSPACE_ARG) _workspaceId: number,
  ): MemberEvent {
    return event;
  }

  @Subscription(() => ProjectChangeEvent, {
    nullable: true,
    description: 'A project of the workspace was created, changed or deleted (WebWork `project.*` events).',
    subscribe: ({ args, context }: SubscribeData) => {
      positiveId('workspaceId', args.workspaceId);
      return openLiveStream(context, {
        field: 'projectChanged',
        workspaceId: args.workspaceId,
        accepts: (event) => event.kind === 'project',
        toPayload: (event) => event,
      });
    },
  })
  projectChanged(
    @Root() event: ProjectEvent,
    @Arg('workspaceId', () => Int, WORKSPACE_ARG) _workspaceId: number,
  ): ProjectEvent {
    return event;
  }
}

@Resolver(() => MemberChangeEvent)
export class MemberChangeEventResolver {
  @FieldResolver(() => Member, {
    nullable: true,
    description:
      'The member as the subscriber can see them now (loaded with their token); null if they cannot.',
  })
  member(@Root() event: MemberEvent, @Ctx() ctx: LiveContext): Promise<MemberRecord> {
    return ctx.loaders.member.load({ workspaceId: event.workspaceId, id: event.userId });
  }
}

@Resolver(() => ProjectChangeEvent)
export class ProjectChangeEventResolver {
  @FieldResolver(() => Project, {
    nullable: true,
    description:
      'The project as the subscriber can see it now (loaded with their token); null if deleted or hidden.',
  })
  project(@Root() event: ProjectEvent, @Ctx() ctx: LiveContext): Promise<ProjectRecord> {
    return ctx.loaders.project.load({ workspaceId: event.workspaceId, id: event.projectId });
  }
}
