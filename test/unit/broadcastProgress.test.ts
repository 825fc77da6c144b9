import { ProgressTally } from '../../src/domain/broadcast/progress';
import type { Delivery } from '../../src/domain/broadcast/delivery';
import { rangesOf } from '../../src/broadcast/workRanges';

type Counted = Pick<Delivery, 'state' | 'reason' | 'possibleDuplicate'>;
const d = (state: Delivery['state'], extra: Partial<Counted> = {}): Counted => ({ state, possibleDuplicate: false, ...extra });

describe('ProgressTally', () => {
  it('counts every state in the bucket HR sees, and the reasons of failed and unreachable ones', () => {
    const tally = ProgressTally.of([
      d('pending'),
      d('sending'),
      d('retrying'),
      d('sent'),
      d('sent', { possibleDuplicate: true }),
      d('failed', { reason: 'throttled' }),
      d('unreachable', { reason: 'notInstalled' }),
      d('unreachable', { reason: 'notInstalled' }),
      d('cancelled'),
    ]);
    expect(tally.progress(12.5)).toEqual({
      total: 9,
      pending: 3,
      sent: 2,
      failed: 1,
      unreachable: 2,
      cancelled: 1,
      possibleDuplicates: 1,
      failureReasons: { throttled: 1, notInstalled: 2 },
      ratePerSecond: 12.5,
    });
    expect(tally.unsettled).toBe(3);
  });

  it('moves one delivery between buckets without changing the total', () => {
    const tally = ProgressTally.of([d('pending'), d('pending')]);
    tally.move(d('pending'), d('sending'));
    expect(tally.unsettled).toBe(2);
    tally.move(d('sending'), d('failed', { reason: 'serviceUnavailable' }));
    expect(tally.progress(0)).toMatchObject({ total: 2, pending: 1, failed: 1, failureReasons: { serviceUnavailable: 1 } });
  });

  it('forgets a reason once no delivery has it any more (a retried failure that then went out)', () => {
    const tally = ProgressTally.of([d('failed', { reason: 'network' })]);
    tally.move(d('failed', { reason: 'network' }), d('pending'));
    tally.move(d('pending'), d('sent'));
    expect(tally.progress(0).failureReasons).toEqual({});
    expect(tally.progress(0)).toMatchObject({ sent: 1, failed: 0 });
  });
});

describe('rangesOf', () => {
  it('cuts sorted keys into contiguous ranges of at most the given size', () => {
    const keys = Array.from({ length: 250 }, (_, i) => `k${String(i).padStart(4, '0')}`);
    expect(rangesOf(keys)).toEqual([
      { from: 'k0000', to: 'k0099' },
      { from: 'k0100', to: 'k0199' },
      { from: 'k0200', to: 'k0249' },
    ]);
  });

  it('gives one range for one key and none for none', () => {
    expect(rangesOf(['a'])).toEqual([{ from: 'a', to: 'a' }]);
    expect(rangesOf([])).toEqual([]);
  });
});
