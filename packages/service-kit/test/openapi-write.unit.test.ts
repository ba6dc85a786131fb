import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildOpenApiDocument, formatJson, writeOrCheckOpenApi } from '../src';
import { sampleApi } from './openapi-sample';

const document = buildOpenApiDocument(sampleApi());

// The repository's own Prettier (a root devDependency), in a child process: its API loads
// plugins with dynamic import(), which jest's CommonJS runtime refuses.
const prettierBin = join(dirname(require.resolve('prettier/package.json')), 'bin/prettier.cjs');

/** What Prettier makes of the text, with the repository's settings (found from the path). */
function prettierFormat(text: string): string {
  const asIfAt = join(__dirname, 'openapi.json');
  return execFileSync(process.execPath, [prettierBin, '--stdin-filepath', asIfAt], {
    input: text,
    encoding: 'utf8',
  });
}

describe('writeOrCheckOpenApi', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kit-openapi-'));
    file = join(dir, 'openapi.json');
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes JSON that Prettier leaves alone, and a check of it passes', () => {
    writeOrCheckOpenApi(document, file, 'write');
    const text = readFileSync(file, 'utf8');
    expect(JSON.parse(text)).toEqual(document);
    expect(text.endsWith('}\n')).toBe(true);
    expect(prettierFormat(text)).toBe(text);
    expect(() => writeOrCheckOpenApi(document, file, 'check')).not.toThrow();
  });

  it('fails the check of a stale file, naming the command that regenerates it', () => {
    writeOrCheckOpenApi(document, file, 'write');
    const changed = buildOpenApiDocument({ ...sampleApi(), version: '1.1.0' });
    expect(() =>
      writeOrCheckOpenApi(changed, file, 'check', 'pnpm --filter intake openapi'),
    ).toThrow(`${file} is out of date: run pnpm --filter intake openapi and commit the result`);
    expect(() => writeOrCheckOpenApi(changed, file, 'check')).toThrow(/pnpm run openapi/);
  });

  it('fails the check of a hand-reformatted or missing file', () => {
    writeFileSync(file, JSON.stringify(document, null, 2));
    expect(() => writeOrCheckOpenApi(document, file, 'check')).toThrow(/out of date/);
    expect(() => writeOrCheckOpenApi(document, join(dir, 'none.json'), 'check')).toThrow(
      /is missing/,
    );
  });
});

describe('formatJson', () => {
  it.each([
    ['short lists on one line', { required: ['a', 'b'], empty: [], none: {} }],
    ['long lists one per line', { values: Array.from({ length: 20 }, (_, i) => `value-${i}`) }],
    ['numbers filling lines', { enum: Array.from({ length: 60 }, (_, i) => i * 997 - 3000) }],
    [
      'lists of lists',
      {
        pairs: [
          [1, 2],
          [3, 4],
        ],
        singles: [[1], [2]],
        mixed: [[], [1, 2]],
      },
    ],
    ['objects inside lists', { items: [{ a: 1 }, {}], nested: [[{ b: [1] }]] }],
    ['a list exactly at the width', { r: ['x'.repeat(88)], s: ['x'.repeat(89)], t: 1 }],
    ['exponents and long strings', { n: [1e21, 1.5e-7], d: 'å'.repeat(120) }],
  ])('lays out %s as Prettier does', (_name, value) => {
    const text = formatJson(value);
    expect(prettierFormat(text)).toBe(text);
  });
});
