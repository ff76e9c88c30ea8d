import { registerEnumType } from 'type-graphql';
import { ContractStatus, RateSource, ScreenshotMode } from '../../catalogue/contracts.enums.js';
import { describeValues } from './describe-values.js';

registerEnumType(ContractStatus, {
  name: 'ContractStatus',
  description: "Whether a contract (a member's assignment to a project) is in force (upstream `status`).",
  valuesConfig: describeValues(ContractStatus, {
    ACTIVE: 'The member works on the project under this contract (upstream `active`).',
    PAUSED: 'The contract is on hold (upstream `paused`).',
  }),
});
registerEnumType(RateSource, {
  name: 'RateSource',
  description: 'Upstream rate_type: 1 custom, 2 member rate, 3 project rate.',
  valuesConfig: describeValues(RateSource, {
    CUSTOM: 'A rate set on this contract alone (rate_type 1, "Custom Rate").',
    MEMBER: 'The member\'s own rate (rate_type 2, "Member Rate").',
    PROJECT: 'The project\'s rate (rate_type 3, "Project Rate").',
  }),
});
registerEnumType(ScreenshotMode, {
  name: 'ScreenshotMode',
  description:
    "A contract's screenshot mode (upstream `screenshots`, lower case). WebWork documents the codes, not what each does: the value descriptions read them from their names (inferred).",
  valuesConfig: describeValues(ScreenshotMode, {
    FULL: 'Screenshots taken and shown in full (`full`).',
    BLURRED: 'Screenshots taken and shown blurred (`blurred`).',
    NO_PREVIEW: 'Screenshots taken without a preview (`no_preview`).',
    NO_SCREENSHOT: 'No screenshots (`no_screenshot`).',
    BACKGROUND_BLURRED: 'Screenshots with the background blurred (`background_blurred`).',
    VIDEO_FULL: 'Screen video, shown in full (`video_full`).',
    VIDEO_BLURRED: 'Screen video, blurred (`video_blurred`).',
    VIDEO_FULL_SILENT: 'Screen video in full, silent (`video_full_silent`).',
    VIDEO_BLURRED_SILENT: 'Screen video blurred, silent (`video_blurred_silent`).',
  }),
});

export { ContractStatus, RateSource, ScreenshotMode };
