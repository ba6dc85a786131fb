import { parseArgs } from 'node:util';

/** The flags every benchmark besides intake shares: --quick, --keep, --help. */
export interface CommonOptions {
  quick: boolean;
  keep: boolean;
}

export function parseCommon(
  argv: string[],
  extra: Record<string, { type: 'string' }> = {},
): (CommonOptions & { values: Record<string, string | undefined> }) | undefined {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      ...extra,
    },
  });
  if (values.help === true) return undefined;
  const strings: Record<string, string | undefined> = {};
  for (const name of Object.keys(extra)) {
    const value = (values as Record<string, unknown>)[name];
    strings[name] = typeof value === 'string' ? value : undefined;
  }
  return { quick: values.quick === true, keep: values.keep === true, values: strings };
}

/** A whole number above 0 from a flag, or the fallback when the flag is absent. */
export function positiveInteger(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`--${name} expects a whole number above 0, got '${raw}'`);
  }
  return value;
}
