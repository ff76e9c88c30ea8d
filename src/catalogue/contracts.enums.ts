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

/** How a contract takes screenshots (upstream `screenshots`, REFERENCE 9.4). */
export enum ScreenshotMode {
  FULL = 'FULL',
  BLURRED = 'BLURRED',
  NO_PREVIEW = 'NO_PREVIEW',
  NO_SCREENSHOT = 'NO_SCREENSHOT',
  BACKGROUND_BLURRED = 'BACKGROUND_BLURRED',
  VIDEO_FULL = 'VIDEO_FULL',
  VIDEO_BLURRED = 'VIDEO_BLURRED',
  VIDEO_FULL_SILENT = 'VIDEO_FULL_SILENT',
  VIDEO_BLURRED_SILENT = 'VIDEO_BLURRED_SILENT',
}

export const screenshotModeLabels: Readonly<Record<ScreenshotMode, string>> = Object.fromEntries(
  Object.values(ScreenshotMode).map((m) => [m, m.toLowerCase()]),
) as Record<ScreenshotMode, string>;
