import { describe, expect, it } from '@jest/globals';
import { diffFields } from './audit.service';

describe('diffFields', () => {
  it('lists only the fields that changed, with the old and the new value', () => {
    expect(
      diffFields(
        { fullName: 'A', active: true, crafts: ['felt'], employmentCenterId: null },
        { fullName: 'B', active: true, crafts: ['felt', 'pottery'], employmentCenterId: null },
      ),
    ).toEqual({
      fullName: { from: 'A', to: 'B' },
      crafts: { from: ['felt'], to: ['felt', 'pottery'] },
    });
  });

  it('reports a field that appears as changed from null', () => {
    expect(diffFields({}, { room: '12' })).toEqual({ room: { from: null, to: '12' } });
  });
});
