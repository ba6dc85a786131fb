import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import { eventTypes, renderAsyncApiYaml, topicOf } from '../src';

const committedPath = join(__dirname, '..', '..', '..', 'docs', 'asyncapi.yaml');

describe('docs/asyncapi.yaml', () => {
  const fresh = renderAsyncApiYaml();

  it('is up to date with the registry', () => {
    const committed = readFileSync(committedPath, 'utf8');
    if (committed !== fresh) {
      throw new Error(
        'docs/asyncapi.yaml differs from the registry: run `pnpm --filter @grunderboost/contracts asyncapi`',
      );
    }
  });

  it('is valid AsyncAPI and lists every event type on its topic', async () => {
    const { document, diagnostics } = await new Parser().parse(fresh);
    const errors = diagnostics
      // Numbers, because the diagnostics and the re-exported enum come from two different copies
      // of @stoplight/types (Error = 0 in both).
      .filter((d) => Number(d.severity) === Number(DiagnosticSeverity.Error))
      .map((d) => `${d.path.join('.')}: ${d.message} (${d.code})`);
    expect(errors).toEqual([]);
    if (document === undefined) throw new Error('the parser returned no document');

    expect(document.version()).toBe('3.0.0');
    const messageIds = document
      .components()
      .messages()
      .all()
      .map((m) => m.id());
    expect(messageIds).toEqual(eventTypes);
    for (const type of eventTypes) {
      const channel = document.channels().get(topicOf(type));
      expect(channel?.address()).toBe(topicOf(type));
      expect(channel?.messages().has(type)).toBe(true);
    }
    expect(
      document
        .operations()
        .all()
        .every((o) => o.action() === 'send'),
    ).toBe(true);
  });
});
