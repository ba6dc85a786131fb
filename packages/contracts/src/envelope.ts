import { z } from 'zod';
import { dateTime, uuid } from './primitives';

/**
 * The CloudEvents 1.0 envelope (structured JSON mode) around every integration event.
 *
 * `subject` is the founder id: it is also the Kafka message key, so all events of one founder
 * stay ordered within one partition. `correlationid` and `causationid` are CloudEvents extension
 * attributes (lowercase alphanumeric names, as the spec requires) that let a consumer trace a
 * chain of events back to the request that started it.
 *
 * `data` is validated separately, against the schema registered for `type`.
 */
export const eventEnvelopeSchema = z.object({
  specversion: z.literal('1.0'),
  id: uuid().describe('Unique per event; consumers deduplicate on it.'),
  source: z.string().min(1).describe("The producer, e.g. '/services/intake'."),
  type: z.string().min(1).describe('<context>.<EventName>.v<version>'),
  time: dateTime().describe('When the fact happened, with its UTC offset.'),
  subject: uuid().describe('The founder id; also the Kafka message key.'),
  datacontenttype: z.literal('application/json'),
  correlationid: uuid().describe('Id of the event that started the chain this event belongs to.'),
  causationid: uuid().describe('Id of the event (or request) that directly caused this event.'),
  data: z.unknown(),
});

type EnvelopeAttributes = Omit<z.infer<typeof eventEnvelopeSchema>, 'type' | 'data'>;

/** An envelope whose `type` and `data` are narrowed to one event (or left open by default). */
export type EventEnvelope<TType extends string = string, TData = unknown> = EnvelopeAttributes & {
  type: TType;
  data: TData;
};
