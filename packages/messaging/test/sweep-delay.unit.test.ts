import { nextSweepDelay } from '../src';

describe('the wait between sweeps of the outbox', () => {
  it('is the configured interval while sweeps are cheap', () => {
    expect(nextSweepDelay(1_000, 20, 20)).toBe(1_000);
  });

  it('grows with the cost of the last sweep, so a large collection is not scanned back to back', () => {
    // 7 s to scan 10,000 applications on FerretDB 1.x: the next sweep waits 140 s.
    expect(nextSweepDelay(1_000, 7_000, 20)).toBe(140_000);
  });
});
