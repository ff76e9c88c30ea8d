import { registerEnumType } from 'type-graphql';

/** Mirrors `TrackerSource` of src/live/live-event.ts (the string values are the same). */
export enum TrackerSource {
  WEBHOOK = 'WEBHOOK',
  UPSTREAM_READ = 'UPSTREAM_READ',
  MUTATION = 'MUTATION',
}

registerEnumType(TrackerSource, {
  name: 'TrackerSource',
  description: 'Where a tracker state came from.',
  valuesConfig: {
    WEBHOOK: { description: 'A webhook event WebWork sent (tracker.started, tracker.stopped).' },
    UPSTREAM_READ: {
      description: "WebWork's current-data read (also the source of an unknown state waiting for one).",
    },
    MUTATION: { description: "This gateway's own startTracking or stopTracking." },
  },
});
