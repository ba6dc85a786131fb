import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderAsyncApiYaml } from '../src/asyncapi';

/** Regenerates docs/asyncapi.yaml at the repository root from the registry. */
const target = resolve(__dirname, '../../../docs/asyncapi.yaml');
writeFileSync(target, renderAsyncApiYaml());
process.stdout.write(`wrote ${target}\n`);
