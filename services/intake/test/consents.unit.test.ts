import {
  applyConsentChange,
  checkConsentChange,
  checkSubmissionConsents,
  sharingAllowed,
} from '../src/domain/consents';
import { newApplication } from '../src/domain/lifecycle';
import { consentsGiven, details } from './builders';

const now = new Date('2026-03-02T09:00:00.000Z');
const later = new Date('2026-04-01T12:00:00.000Z');
const ids = {
  applicationId: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
  founderId: 'ffffffff-ffff-4fff-8fff-ffffffffffff',
};

describe('consent rules', () => {
  it('needs consent to processing to apply', () => {
    const refused = consentsGiven({ processing: { granted: false, textVersion: '2026-01' } });
    expect(checkSubmissionConsents(refused, false)).toBe('processing-required');
    expect(checkSubmissionConsents(consentsGiven(), false)).toBeUndefined();
  });

  it('stores background data only under its own consent', () => {
    expect(checkSubmissionConsents(consentsGiven(), true)).toBe('background-without-consent');
    const declined = consentsGiven({ background: { granted: false, textVersion: '2026-01' } });
    expect(checkSubmissionConsents(declined, true)).toBe('background-without-consent');
    const given = consentsGiven({ background: { granted: true, textVersion: '2026-01' } });
    expect(checkSubmissionConsents(given, true)).toBeUndefined();
  });

  it('sends a founder who wants processing to stop to withdrawal or erasure', () => {
    expect(
      checkConsentChange({ consent: 'processing', granted: false, textVersion: '2026-01' }),
    ).toBe('processing-cannot-be-withdrawn-here');
    expect(
      checkConsentChange({ consent: 'statistics', granted: false, textVersion: '2026-01' }),
    ).toBeUndefined();
  });

  it('records a change with its own time and text version, per partner category', () => {
    const { consents } = newApplication(details(), consentsGiven(), ids, [], now);
    expect(sharingAllowed(consents)).toEqual(['nav']);
    const changed = applyConsentChange(
      consents,
      { consent: 'sharing', partnerCategory: 'usn', granted: true, textVersion: '2026-02' },
      later,
    );
    expect(changed.sharing.usn).toEqual({ granted: true, textVersion: '2026-02', at: later });
    expect(changed.sharing.nav?.at).toEqual(now);
    expect(sharingAllowed(changed)).toEqual(['nav', 'usn']);
    const withdrawn = applyConsentChange(
      changed,
      { consent: 'sharing', partnerCategory: 'nav', granted: false, textVersion: '2026-02' },
      later,
    );
    expect(sharingAllowed(withdrawn)).toEqual(['usn']);
  });
});
