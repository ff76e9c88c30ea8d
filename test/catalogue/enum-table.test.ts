import { defineEnum, fromUpstream } from '../../src/catalogue/enum-table.js';
import { memberRole } from '../../src/catalogue/members.enums.js';
import { timesheetStatus } from '../../src/catalogue/timesheets.enums.js';

describe('defineEnum: one table per enum', () => {
  const status = defineEnum({ ON: ['on', 'Switched on.'], OFF: ['off', 'Switched off.'] }, { open: 'ON' });

  it('builds the enum object, both directions of the wire spelling and the descriptions', () => {
    expect(status.values).toEqual({ ON: 'ON', OFF: 'OFF' });
    expect(status.toWire).toEqual({ ON: 'on', OFF: 'off' });
    expect([status.wire('OFF'), status.wire(null), status.wire(undefined)]).toEqual([
      'off',
      undefined,
      undefined,
    ]);
    expect({ ...status.fromWire }).toEqual({ on: 'ON', off: 'OFF', open: 'ON' });
    const codes = defineEnum({ LOW: [10, 'Low.'], HIGH: [20, 'High.'] });
    expect({ ...codes.fromWire }).toEqual({ 10: 'LOW', 20: 'HIGH' });
    expect(status.valuesConfig).toEqual({
      ON: { description: 'Switched on.' },
      OFF: { description: 'Switched off.' },
    });
  });

  it('reads the spellings of both doc sets and sends only the documented one', () => {
    expect(timesheetStatus.fromWire['open']).toBe('PENDING');
    expect(timesheetStatus.fromWire['pending']).toBe('PENDING');
    expect(timesheetStatus.toWire.PENDING).toBe('pending');
    expect(memberRole.fromWire['Regular User']).toBe('REGULAR_USER');
  });

  it('an unknown upstream value fails loudly, even one named like an Object method', () => {
    expect(() => fromUpstream(status.fromWire, 'constructor', 'switch')).toThrow(
      'WebWork returned an unexpected switch value "constructor"',
    );
    expect(() => fromUpstream(status.fromWire, 'maybe', 'switch')).toThrow(/unexpected switch value "maybe"/);
  });
});
