import { staysTrue, waitFor } from '../src';

describe('waitFor', () => {
  it('returns the first value the probe gives', async () => {
    let calls = 0;
    const value = await waitFor(() => (++calls >= 3 ? `after ${calls}` : undefined), {
      description: 'three calls',
      intervalMs: 1,
    });
    expect(value).toBe('after 3');
  });

  it('fails with the description and the last error when time runs out', async () => {
    await expect(
      waitFor(
        () => {
          throw new Error('broker not ready');
        },
        { description: 'the broker', timeoutMs: 30, intervalMs: 5 },
      ),
    ).rejects.toThrow(/waiting for the broker; last error: broker not ready/);
  });
});

describe('staysTrue', () => {
  it('fails as soon as the condition stops holding', async () => {
    let calls = 0;
    await expect(
      staysTrue(() => ++calls < 3, { description: 'no duplicate', timeoutMs: 500, intervalMs: 1 }),
    ).rejects.toThrow(/no duplicate/);
  });
});
