import { registerEnumType } from 'type-graphql';

export enum MemberStatus {
  ACTIVE = 'ACTIVE',
  INACTIVE = 'INACTIVE',
  /** Archived from the workspace. */
  LEFT = 'LEFT',
  UNKNOWN = 'UNKNOWN',
}

registerEnumType(MemberStatus, { name: 'MemberStatus', description: "A member's status in a workspace." });
