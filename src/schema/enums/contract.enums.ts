import { registerEnumType } from 'type-graphql';
import { ContractStatus, RateSource } from '../../catalogue/contracts.enums.js';

registerEnumType(ContractStatus, { name: 'ContractStatus' });
registerEnumType(RateSource, {
  name: 'RateSource',
  description: 'Upstream rate_type: 1 custom, 2 member rate, 3 project rate.',
});

export { ContractStatus, RateSource };
