import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createStaffVerifier } from '../src';
import { parseIssueTokenArgs } from '../src/cli/args';
import { SECRET, testConfig } from './support';

describe('issue-token arguments', () => {
  it('reads the staff id, repeated roles and a lifetime, after an optional --', () => {
    const argv = [
      '--',
      '--staff',
      'c-1',
      '--role',
      'counsellor',
      '--role',
      'lead',
      '--ttl',
      '3600',
    ];
    expect(parseIssueTokenArgs(argv)).toEqual({
      kind: 'issue',
      request: { staffId: 'c-1', roles: ['counsellor', 'lead'], ttlSeconds: 3600 },
    });
  });

  it.each([
    [['--role', 'lead'], /--staff/],
    [['--staff', 'c-1'], /--role/],
    [['--staff', 'c-1', '--role', 'boss'], /--role/],
    [['--staff', 'c-1', '--role', 'lead', '--ttl', 'soon'], /--ttl/],
    [['--staff', 'c-1', '--role', 'lead', '--colour'], /--colour/],
  ])('explains what is wrong with %j', (argv, problem) => {
    const parsed = parseIssueTokenArgs(argv);
    expect(parsed.kind).toBe('bad');
    expect(parsed.kind === 'bad' && parsed.problem).toMatch(problem);
  });
});

describe('issue-token command', () => {
  const run = (args: string[]) =>
    spawnSync(join(__dirname, '../node_modules/.bin/tsx'), ['src/cli/issue-token.ts', ...args], {
      cwd: join(__dirname, '..'),
      env: { ...process.env, AUTH_LOCAL_SECRET: SECRET },
      encoding: 'utf8',
    });

  it('prints a token the services accept', async () => {
    const result = run(['--staff', 'c-1', '--role', 'counsellor']);
    expect(result.status).toBe(0);
    const principal = await createStaffVerifier(testConfig()).verify(result.stdout.trim());
    expect(principal).toEqual({ staffId: 'c-1', roles: ['counsellor'] });
  });

  it('exits 2 with a usage line on bad arguments', () => {
    const result = run(['--staff', 'c-1']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^usage: pnpm --filter @grunderboost\/auth issue-token/m);
  });
});
