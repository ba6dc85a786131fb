import { newApplication, shareableFacts, type ApplicationDetails } from '../src/domain/application';

const details: ApplicationDetails = {
  contact: { name: 'Kari Nordmann', email: 'kari@example.no' },
  municipality: '3301',
  focusArea: 'grunder',
  sector: 'J',
  stage: 'idea',
  language: 'nb',
  referralSource: 'nav',
};
const ids = {
  applicationId: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
  founderId: 'ffffffff-ffff-4fff-8fff-ffffffffffff',
};
const now = new Date('2025-03-01T09:00:00.000Z');

describe('application', () => {
  it('is submitted with the given ids and time', () => {
    expect(newApplication(details, ids, now)).toEqual({
      ...details,
      ...ids,
      status: 'submitted',
      createdAt: now,
    });
  });

  it('shares codes and ids but never the contact details', () => {
    const facts = shareableFacts(newApplication(details, ids, now));
    expect(facts).toEqual({
      ...ids,
      municipality: '3301',
      focusArea: 'grunder',
      sector: 'J',
      stage: 'idea',
      language: 'nb',
      referralSource: 'nav',
    });
    expect(JSON.stringify(facts)).not.toMatch(/Kari|kari@example\.no|contact/);
  });
});
