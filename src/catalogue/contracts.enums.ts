import { invert } from './enum-table.js';

export enum ContractStatus {
  ACTIVE = 'ACTIVE',
  PAUSED = 'PAUSED',
}

export const contractStatusLabels: Readonly<Record<ContractStatus, string>> = {
  [ContractStatus.ACTIVE]: 'active',
  [ContractStatus.PAUSED]: 'paused',
};
export const contractStatusFromLabel = invert(contractStatusLabels);

/** Where a contract's rate comes from (upstream `rate_type` 1, 2, 3). */
export enum RateSource {
  CUSTOM = 'CUSTOM',
  MEMBER = 'MEMBER',
  PROJECT = 'PROJECT',
}

export const rateSourceByCode: Readonly<Record<number, RateSource>> = {
  1: RateSource.CUSTOM,
  2: RateSource.MEMBER,
  3: RateSource.PROJECT,
};
