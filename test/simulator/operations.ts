/** The 70 WebWork operations the simulator must serve (one list, shared with the catalogue's coverage). */
export { OPERATIONS } from '../../src/catalogue/webwork-operations.js';
