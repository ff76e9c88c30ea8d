import { registerEnumType } from 'type-graphql';
import { ContractStatus, RateSource, ScreenshotMode } from '../../catalogue/contracts.enums.js';

registerEnumType(ContractStatus, { name: 'ContractStatus' });
registerEnumType(RateSource, {
  name: 'RateSource',
  description: 'Upstream rate_type: 1 custom, 2 member rate, 3 project rate.',
});
registerEnumType(ScreenshotMode, {
  name: 'ScreenshotMode',
  description: "A contract's screenshot mode (upstream `screenshots`, lower case).",
});

export { ContractStatus, RateSource, ScreenshotMode };
