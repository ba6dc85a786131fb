import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const fixturesDir = join(__dirname, '..', 'fixtures');

export interface Fixture {
  /** The event type the file is named after, e.g. 'intake.ApplicationSubmitted.v1'. */
  type: string;
  /** The envelope as decoded JSON; tests clone it before changing it. */
  envelope: Record<string, unknown>;
}

/** Reads every golden fixture; the file name (without .json) is the event type it holds. */
export function loadFixtures(): Fixture[] {
  return readdirSync(fixturesDir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({
      type: file.slice(0, -'.json'.length),
      envelope: JSON.parse(readFileSync(join(fixturesDir, file), 'utf8')) as Record<
        string,
        unknown
      >,
    }));
}

/** A deep copy of a fixture's envelope together with its `data`, both ready to be mutated. */
export function cloneEnvelope(fixture: Fixture): {
  envelope: Record<string, unknown>;
  data: Record<string, unknown>;
} {
  const envelope = structuredClone(fixture.envelope);
  return { envelope, data: envelope.data as Record<string, unknown> };
}
