import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const LIB = resolve(__dirname, '../local/lib');

/** A database file as FerretDB leaves it: with its catalogue table, or (after a crash) without. */
async function databaseFile(path: string, withCatalogue: boolean): Promise<void> {
  const table = withCatalogue ? '_ferretdb_collections' : 'half_created';
  await run('python3', [
    '-c',
    `import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("create table ${table}(name text)"); c.commit()`,
    path,
  ]);
}

describe("the local stack's FerretDB start", () => {
  it('moves a database file without its catalogue aside, with its WAL, and keeps the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ferretdb-data-'));
    await databaseFile(join(dir, 'intake.sqlite'), true);
    await databaseFile(join(dir, 'bench_growth_intake.sqlite'), false);
    await run('touch', [join(dir, 'bench_growth_intake.sqlite-wal')]);
    const { stderr } = await run('bash', [
      '-c',
      `source "${LIB}/common.sh"; source "${LIB}/mongo.sh"; ferretdb_quarantine_broken "$1"`,
      'quarantine',
      dir,
    ]);
    expect(stderr).toContain('bench_growth_intake.sqlite has no FerretDB catalogue');
    expect(existsSync(join(dir, 'intake.sqlite'))).toBe(true);
    expect(existsSync(join(dir, 'bench_growth_intake.sqlite'))).toBe(false);
    const aside = readdirSync(dir).filter((name) => name.startsWith('broken-'));
    expect(aside).toHaveLength(1);
    expect(readdirSync(join(dir, aside[0] ?? '')).sort()).toEqual([
      'bench_growth_intake.sqlite',
      'bench_growth_intake.sqlite-wal',
    ]);
  });
});
