import { documentLock } from '../src';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('documentLock', () => {
  it('runs tasks of one key one after another, in call order', async () => {
    const lock = documentLock();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
    };
    await Promise.all([lock('a', task('1')), lock('a', task('2')), lock('a', task('3'))]);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  });

  it('lets different keys overlap', async () => {
    const lock = documentLock();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
    };
    await Promise.all([lock('a', task('a')), lock('b', task('b'))]);
    expect(log.slice(0, 2)).toEqual(['start a', 'start b']);
  });

  it('goes on with the next task after a failure and passes the failure to its caller', async () => {
    const lock = documentLock();
    const failing = lock('a', () => Promise.reject(new Error('boom')));
    const next = lock('a', async () => 'next ran');
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('next ran');
  });
});
