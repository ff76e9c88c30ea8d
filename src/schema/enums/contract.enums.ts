import { registerEnumType } from 'type-graphql';

export enum ContractStatus {
  ACTIVE = 'ACTIVE',
  PAUSED = 'PAUSED',
}
registerEnumType(ContractStatus, { name: 'ContractStatus' });

/** Where a contract's rate comes from (upstream `rate_type` 1, 2, 3). */
export enum RateSource {
  CUSTOM = 'CUSTOM',
  MEMBER = 'MEMBER',
  PROJECT = 'PROJECT',
}
registerEnumType(RateSource, {
  name: 'RateSource',
  description: 'Upstream rate_type: 1 custom, 2 member rate, 3 project rate.',
});
export const rateSourceByCode: Readonly<Record<number, RateSource>> = {
  1: RateSource.CUSTOM,
  2: RateSource.MEMBER,
  3: RateSource.PROJECT,
};
