import { stringify } from 'yaml';
import { z } from 'zod';
import { eventEnvelopeSchema } from './envelope';
import { definitionOf, eventTypes, type EventDefinition } from './registry';
import { topicInfo, topics, type Topic } from './topics';

type JsonObject = Record<string, unknown>;

/**
 * The AsyncAPI 3.0.0 description of all topics and events, generated from the registry so that
 * it cannot drift from the schemas the code validates with. Channels, operations and messages
 * follow the order of `topics` and of the registry, so the output is stable.
 */
export function buildAsyncApiDocument(): JsonObject {
  const channels: JsonObject = {};
  const operations: JsonObject = {};
  const messages: JsonObject = {};

  for (const topic of topics) {
    const definitions = eventTypes
      .map((type) => definitionOf(type))
      .filter((d) => d.topic === topic);
    const channelMessages: JsonObject = {};
    for (const definition of definitions) {
      channelMessages[definition.type] = { $ref: `#/components/messages/${definition.type}` };
      messages[definition.type] = messageOf(definition);
    }
    channels[topic] = {
      address: topic,
      description: `${topicInfo[topic].description} Keyed by founder id; dead letters go to ${topic}.dlq.`,
      messages: channelMessages,
    };
    operations[operationIdOf(topic)] = {
      action: 'send',
      channel: { $ref: `#/channels/${topic}` },
      summary: `Published by ${topicInfo[topic].producer}.`,
      messages: definitions.map((d) => ({ $ref: `#/channels/${topic}/messages/${d.type}` })),
    };
  }

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Gründerboost integration events',
      version: '1.0.0',
      description:
        'Integration events of the Gründerboost platform (start-up guidance for founders in the ' +
        'Drammen region), carried over Kafka as CloudEvents 1.0 in structured JSON mode. Events ' +
        'carry ids and non-identifying codes only, never personal data. Consumers must ignore ' +
        'unknown fields. Generated from @grunderboost/contracts: do not edit by hand.',
    },
    defaultContentType: 'application/json',
    servers: {
      local: {
        host: '127.0.0.1:9092',
        protocol: 'kafka',
        description: 'Kafka of the local development stack (`npm start`).',
      },
    },
    channels,
    operations,
    components: { messages },
  };
}

/** The document as YAML, exactly as committed in docs/asyncapi.yaml. */
export function renderAsyncApiYaml(): string {
  // No anchors/aliases (repeated objects are written out) and no line folding, so the output
  // is plain, diff-friendly and already in the shape Prettier would give it.
  return stringify(buildAsyncApiDocument(), {
    aliasDuplicateObjects: false,
    lineWidth: 0,
    singleQuote: true,
  });
}

/** 'intake.applications' → 'publish-intake-applications' (send, from the producer's side). */
function operationIdOf(topic: Topic): string {
  return `publish-${topic.replace(/\./g, '-')}`;
}

function messageOf(definition: EventDefinition): JsonObject {
  return {
    name: definition.name,
    title: `${definition.name} v${definition.version}`,
    summary: definition.description,
    contentType: 'application/json',
    payload: payloadSchemaOf(definition),
    bindings: {
      kafka: {
        key: {
          type: 'string',
          format: 'uuid',
          description:
            'The founder id (equal to the envelope subject): events are ordered per founder.',
        },
        bindingVersion: '0.5.0',
      },
    },
  };
}

/**
 * JSON Schema (draft-07, which AsyncAPI Schema extends) of the whole envelope with `data`
 * narrowed to the event's data. The input side is used: it leaves out
 * `additionalProperties: false`, because consumers must accept unknown fields.
 */
function payloadSchemaOf(definition: EventDefinition): JsonObject {
  const envelope = eventEnvelopeSchema.extend({
    type: z.literal(definition.type),
    data: definition.schema,
  });
  const schema: JsonObject = z.toJSONSchema(envelope, { target: 'draft-07', io: 'input' });
  // The meta-schema URI belongs to standalone JSON Schema documents, not to an embedded payload.
  delete schema.$schema;
  return schema;
}
