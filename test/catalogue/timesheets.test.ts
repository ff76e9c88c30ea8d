import { CATALOGUE } from '../../src/catalogue/index.js';
import { staleReadsTable } from '../../src/catalogue/stale-reads.js';

describe('timesheets in the derived write → stale-reads table', () => {
  const rows = staleReadsTable(CATALOGUE);
  const readsAfter = (change: string) => rows.find((row) => row.change === change)?.reads ?? [];

  it.each(['approve', 'reject', 'submit', 'unsubmit'])(
    'PUT /timesheets/{timesheetId}/%s makes the timesheet lists stale',
    (verb) => {
      expect(readsAfter(`PUT /timesheets/{timesheetId}/${verb}`)).toContain('timesheets (GET /timesheets)');
    },
  );

  it('tracking writes change timesheet totals (declared on the timesheets side, changedBy)', () => {
    expect(readsAfter('POST /time-tracking/start')).toContain('timesheets (GET /timesheets)');
    expect(readsAfter('POST /time-tracking/stop')).toContain('timesheets (GET /timesheets)');
  });
});
