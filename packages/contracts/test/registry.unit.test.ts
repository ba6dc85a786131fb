import { deadLetterTopic, definitionOf, eventTypes, topicInfo, topicOf, topics } from '../src';

describe('registry', () => {
  it.each(eventTypes)('%s has a type made of its context, name and version', (type) => {
    const definition = definitionOf(type);
    expect(definition.type).toBe(type);
    expect(type).toBe(`${definition.context}.${definition.name}.v${definition.version}`);
    expect(type).toMatch(/^[a-z]+\.[A-Z][A-Za-z]+\.v[1-9]\d*$/);
    expect(definition.description).toMatch(/^[A-Z].*\.$/);
  });

  it.each(eventTypes)('%s goes to a topic of its own context', (type) => {
    const topic = topicOf(type);
    expect(topics).toContain(topic);
    expect(topic.startsWith(`${definitionOf(type).context}.`)).toBe(true);
  });

  it('has events on every topic and describes every topic', () => {
    for (const topic of topics) {
      expect(eventTypes.filter((type) => topicOf(type) === topic)).not.toHaveLength(0);
      expect(topicInfo[topic].description).not.toBe('');
    }
  });

  it('maps the intake and appointment events to their topics', () => {
    expect(topicOf('intake.ApplicationTriaged.v1')).toBe('intake.applications');
    expect(topicOf('counselling.AppointmentNoShow.v1')).toBe('counselling.appointments');
    expect(topicOf('followup.OutcomeReported.v1')).toBe('followup.outcomes');
  });

  it('names dead-letter topics after their topic', () => {
    expect(deadLetterTopic('journey.stages')).toBe('journey.stages.dlq');
  });
});
