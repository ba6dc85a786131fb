import { confirmationEmail, triageEmail } from '../src/i18n/emails';
import { loadCatalogue } from '@grunderboost/i18n';
import { BUNDLED_MESSAGES_DIR } from '../src/i18n/bundled';
import { newApplication } from '../src/domain/lifecycle';
import { consentsGiven, details } from './builders';

const catalogue = loadCatalogue(BUNDLED_MESSAGES_DIR, 'nb');
const now = new Date('2026-03-02T09:00:00.000Z');
const ids = {
  applicationId: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
  founderId: 'ffffffff-ffff-4fff-8fff-ffffffffffff',
};
const link = {
  url: 'https://grunderboost.example/status/x?token=t',
  expiresAt: new Date('2026-04-01T10:00:00Z'),
};

describe('e-mails to founders', () => {
  it('confirms an application in Norwegian bokmål with the link and its expiry', () => {
    const email = confirmationEmail(
      newApplication(details(), consentsGiven(), ids, [], now),
      link,
      catalogue,
    );
    expect(email).toMatchObject({
      to: 'kari@example.no',
      language: 'nb',
      subject: 'Vi har mottatt søknaden din',
    });
    expect(email.text).toContain('Hei Kari Nordmann,');
    expect(email.text).toContain(link.url);
    expect(email.text).toContain('1. april 2026');
  });

  it('confirms in English for a founder who prefers English', () => {
    const application = newApplication(details({ language: 'en' }), consentsGiven(), ids, [], now);
    const email = confirmationEmail(application, link, catalogue);
    expect(email.subject).toBe('We have received your application');
    expect(email.text).toContain('April 1, 2026');
  });

  it('explains an automatic decline with its reasons in the founder’s language', () => {
    const application = newApplication(
      details({ language: 'en' }),
      consentsGiven(),
      ids,
      [{ code: 'outside-region' }],
      now,
    );
    const email = triageEmail(application, link.url, catalogue);
    expect(email.text).toContain('Your application is now: Not accepted.');
    expect(email.text).toContain(
      '- Neither you nor the business is in a municipality of the region.',
    );
  });
});
