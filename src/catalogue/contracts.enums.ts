import { defineEnum, type EnumOf } from './enum-table.js';

export const contractStatus = defineEnum({
  ACTIVE: ['active', 'The member works on the project under this contract (upstream `active`).'],
  PAUSED: ['paused', 'The contract is on hold (upstream `paused`).'],
});
export const ContractStatus = contractStatus.values;
export type ContractStatus = EnumOf<typeof contractStatus>;

/** Where a contract's rate comes from (upstream `rate_type` 1, 2, 3). */
export const rateSource = defineEnum({
  CUSTOM: [1, 'A rate set on this contract alone (rate_type 1, "Custom Rate").'],
  MEMBER: [2, 'The member\'s own rate (rate_type 2, "Member Rate").'],
  PROJECT: [3, 'The project\'s rate (rate_type 3, "Project Rate").'],
});
export const RateSource = rateSource.values;
export type RateSource = EnumOf<typeof rateSource>;

/**
 * How a contract takes screenshots (upstream `screenshots`, REFERENCE 9.4). WebWork documents the
 * codes, not what each does: the descriptions read them from their names (inferred).
 */
export const screenshotMode = defineEnum({
  FULL: ['full', 'Screenshots taken and shown in full (`full`).'],
  BLURRED: ['blurred', 'Screenshots taken and shown blurred (`blurred`).'],
  NO_PREVIEW: ['no_preview', 'Screenshots taken without a preview (`no_preview`).'],
  NO_SCREENSHOT: ['no_screenshot', 'No screenshots (`no_screenshot`).'],
  BACKGROUND_BLURRED: [
    'background_blurred',
    'Screenshots with the background blurred (`background_blurred`).',
  ],
  VIDEO_FULL: ['video_full', 'Screen video, shown in full (`video_full`).'],
  VIDEO_BLURRED: ['video_blurred', 'Screen video, blurred (`video_blurred`).'],
  VIDEO_FULL_SILENT: ['video_full_silent', 'Screen video in full, silent (`video_full_silent`).'],
  VIDEO_BLURRED_SILENT: ['video_blurred_silent', 'Screen video blurred, silent (`video_blurred_silent`).'],
});
export const ScreenshotMode = screenshotMode.values;
export type ScreenshotMode = EnumOf<typeof screenshotMode>;
