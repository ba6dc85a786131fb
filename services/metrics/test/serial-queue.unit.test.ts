import { serialQueue } from '../src/persistence/serial-queue';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('serial queue', () => {
  it('runs tasks one at a time in call order', async () => {
    const serially = serialQueue();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`${name} start`);
      await tick();
      log.push(`${name} end`);
      return name;
    };
    const results = await Promise.all([serially(task('a')), serially(task('b'))]);
    expect(results).toEqual(['a', 'b']);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end']);
  });

  it('goes on after a failed task and passes the failure to its caller', async () => {
    const serially = serialQueue();
    const failing = serially(() => Promise.reject(new Error('database busy')));
    const next = serially(async () => 'next');
    await expect(failing).rejects.toThrow('database busy');
    await expect(next).resolves.toBe('next');
  });
});
