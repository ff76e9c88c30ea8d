import {
  ContractStatus,
  contractStatus,
  RateSource,
  rateSource,
  ScreenshotMode,
  screenshotMode,
} from '../../catalogue/contracts.enums.js';
import { registerEnum } from './register-enum.js';

registerEnum(
  contractStatus,
  'ContractStatus',
  "Whether a contract (a member's assignment to a project) is in force (upstream `status`).",
);
registerEnum(rateSource, 'RateSource', 'Upstream rate_type: 1 custom, 2 member rate, 3 project rate.');
registerEnum(
  screenshotMode,
  'ScreenshotMode',
  "A contract's screenshot mode (upstream `screenshots`, lower case). WebWork documents the codes, not what each does: the value descriptions read them from their names (inferred).",
);

export { ContractStatus, RateSource, ScreenshotMode };
