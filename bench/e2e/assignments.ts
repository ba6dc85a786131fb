import { benchKafka } from '../lib/kafka';

/**
 * The bench's own consumer of `<prefix>.counselling.assignments`: when each founder's first
 * CounsellorAssigned arrived here (that moment is what "consumed" means in the figures).
 */
export async function assignmentReader(brokers: string[], prefix: string) {
  const consumer = benchKafka(brokers, 'bench-e2e-reader').consumer({
    groupId: `${prefix}.e2e-reader.${Date.now()}`,
  });
  const assignedAt = new Map<string, number>();
  let duplicates = 0;
  await consumer.connect();
  const joined = new Promise<void>((resolve) =>
    consumer.on(consumer.events.GROUP_JOIN, () => resolve()),
  );
  await consumer.subscribe({ topic: `${prefix}.counselling.assignments`, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const now = Date.now();
      const event = JSON.parse(message.value?.toString() ?? '{}') as {
        type?: string;
        subject?: string;
      };
      if (event.type === 'counselling.CounsellorAssigned.v1' && event.subject !== undefined) {
        if (assignedAt.has(event.subject)) duplicates += 1;
        else assignedAt.set(event.subject, now);
      }
      return Promise.resolve();
    },
  });
  await joined;
  return {
    assignedAt: (founderId: string) => assignedAt.get(founderId),
    duplicates: () => duplicates,
    /** Founders assigned so far. */
    count: () => assignedAt.size,
    stop: () => consumer.disconnect(),
  };
}

export type AssignmentReader = Awaited<ReturnType<typeof assignmentReader>>;
