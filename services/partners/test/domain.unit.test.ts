import { Webhook } from 'standardwebhooks';
import { partnerKey, pseudonymOf } from '../src/app/pseudonym';
import { newSigningSecret, signatureHeaders, webhookId } from '../src/app/webhook-signature';
import { allowsSharing, applyConsent, emptyRecord } from '../src/domain/consent';
import { matches, type Subscription } from '../src/domain/subscription';

const founder = '6f1c1a52-9a57-4f43-9d43-0d8a4b0f6d11';

describe('pseudonyms', () => {
  it('are stable for a partner and differ between partners and master keys', () => {
    const nav = partnerKey('m'.repeat(32), 'nav');
    expect(pseudonymOf(nav, founder)).toBe(pseudonymOf(nav, founder));
    expect(pseudonymOf(nav, founder)).not.toBe(
      pseudonymOf(partnerKey('m'.repeat(32), 'usn'), founder),
    );
    expect(pseudonymOf(nav, founder)).not.toBe(
      pseudonymOf(partnerKey('n'.repeat(32), 'nav'), founder),
    );
    expect(pseudonymOf(nav, founder)).not.toContain(founder);
  });
});

describe('Standard Webhooks signatures', () => {
  it('verify with the standardwebhooks package', () => {
    const secret = newSigningSecret();
    const body = JSON.stringify({ hello: 'world' });
    const headers = signatureHeaders(secret, 'msg_1', new Date(), body);
    expect(new Webhook(secret).verify(body, headers)).toEqual({ hello: 'world' });
    expect(() => new Webhook(newSigningSecret()).verify(body, headers)).toThrow();
  });

  it('use one id per event and subscription', () => {
    expect(webhookId('e1', 's1')).toBe(webhookId('e1', 's1'));
    expect(webhookId('e1', 's1')).not.toBe(webhookId('e1', 's2'));
  });
});

describe('consent', () => {
  it('fails closed and keeps the latest change per category', () => {
    expect(allowsSharing(undefined, 'nav')).toBe(false);
    let record = applyConsent(emptyRecord(founder), 'nav', true, '2026-01-02T00:00:00Z');
    expect(allowsSharing(record, 'nav')).toBe(true);
    expect(allowsSharing(record, 'usn')).toBe(false);
    record = applyConsent(record, 'nav', false, '2026-01-01T00:00:00Z');
    expect(allowsSharing(record, 'nav')).toBe(true);
    record = applyConsent(record, 'nav', false, '2026-01-03T00:00:00Z');
    expect(allowsSharing(record, 'nav')).toBe(false);
  });
});

describe('subscription filters', () => {
  const subscription: Subscription = {
    subscriptionId: 's',
    partnerId: 'nav',
    eventTypes: ['followup.OutcomeReported.v1'],
    filters: { referralSource: ['nav'] },
    createdAt: '2026-01-01T00:00:00Z',
  };
  it('match on type and every listed dimension; an unknown profile matches no filter', () => {
    expect(matches(subscription, 'followup.OutcomeReported.v1', { referralSource: 'nav' })).toBe(
      true,
    );
    expect(matches(subscription, 'followup.OutcomeReported.v1', { referralSource: 'usn' })).toBe(
      false,
    );
    expect(matches(subscription, 'followup.OutcomeReported.v1', undefined)).toBe(false);
    expect(
      matches(subscription, 'counselling.MilestoneReached.v1', { referralSource: 'nav' }),
    ).toBe(false);
  });
});
