import { uniqueDatabase, uniqueName, uniqueTopic } from '../src';

describe('unique names', () => {
  it('never repeats a name', () => {
    const names = new Set(Array.from({ length: 1_000 }, () => uniqueName('x')));
    expect(names.size).toBe(1_000);
  });

  it('keeps topic names within the characters Kafka allows', () => {
    expect(uniqueTopic('intake.application submitted!')).toMatch(/^[a-zA-Z0-9._-]+$/);
  });

  it('keeps database names short and free of characters MongoDB refuses', () => {
    const name = uniqueDatabase('a-very-long-name-for-a-database-used-by-one-test');
    expect(name.length).toBeLessThan(64);
    expect(name).toMatch(/^[a-zA-Z0-9_]+$/);
  });
});
