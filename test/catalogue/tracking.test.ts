import { trackerCurrent } from '../../src/catalogue/tracking.operations.js';

/**
 * current-data as REFERENCE §10.11 documents it: no running flag, no start time, and
 * `total_seconds` only the remainder seconds of the running tracker. The mapper must read a
 * running tracker as running from documented fields alone, whatever second of the minute it is.
 */
const map = (wire: Record<string, unknown>) => trackerCurrent.map(wire, { workspaceId: 1, userId: 7 });
const idle = {
  contract_id: null,
  user_id: 7,
  activity_description: null,
  task_id: null,
  task_title: null,
  total_seconds: 0,
  total_minutes: 95,
  date: '2026-11-30',
};

describe('current-data without the undocumented is_running and start_time', () => {
  it('today is total_minutes * 60 + total_seconds', () => {
    expect(map({ ...idle, total_minutes: 7, total_seconds: 9 }).todaySeconds).toBe(429);
    expect(map(idle).todaySeconds).toBe(95 * 60);
  });

  it('a tracker on a whole minute (total_seconds 0) still runs when the answer names what runs', () => {
    expect(map({ ...idle, contract_id: 5002 }).isRunning).toBe(true);
    expect(map({ ...idle, task_id: 20000 }).isRunning).toBe(true);
    expect(map({ ...idle, activity_description: 'Reviewing' }).isRunning).toBe(true);
  });

  it('remainder seconds mean a tracker runs, even without a contract', () => {
    expect(map({ ...idle, total_seconds: 1 }).isRunning).toBe(true);
  });

  it('idle: nothing named, no remainder seconds; start time unknown either way', () => {
    expect(map(idle)).toMatchObject({ isRunning: false, startedAt: null, contractId: null });
    expect(map({ ...idle, contract_id: 5002 }).startedAt).toBeNull();
    expect(map({ ...idle, activity_description: '' }).isRunning).toBe(false);
  });

  it('honours is_running and start_time when WebWork sends them (the lenient simulator does)', () => {
    expect(map({ ...idle, is_running: true, start_time: '2026-11-30T08:05:42+00:00' })).toMatchObject({
      isRunning: true,
      startedAt: '2026-11-30T08:05:42.000Z',
    });
    expect(map({ ...idle, contract_id: 5002, is_running: false }).isRunning).toBe(false);
  });
});
