import { currentMunicipalityNumber } from '../src/domain/municipalities';
import { isValidOrganisationNumber, mod11CheckDigit } from '../src/domain/organisation-number';
import { automaticTriage, monthsSince, preTriage } from '../src/domain/pre-triage';
import { decideTriage } from '../src/domain/triage';
import { applyChange, erase, newApplication, withdraw } from '../src/domain/lifecycle';
import { consentsGiven, details } from './builders';

const now = new Date('2026-03-02T09:00:00.000Z');
const rules = { regionMunicipalities: new Set(['3301', '3312']), maxBusinessAgeMonths: 36 };
const ids = {
  applicationId: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
  founderId: 'ffffffff-ffff-4fff-8fff-ffffffffffff',
};

describe('organisation number (MOD11)', () => {
  it.each(['923609016', '974760673', '889640782'])('accepts the real number %s', (number) => {
    expect(isValidOrganisationNumber(number)).toBe(true);
  });

  it.each([
    ['a wrong check digit', '923609017'],
    ['eight digits', '92360901'],
    ['letters', '92360901A'],
    ['spaces left in', '923 609 016'],
  ])('refuses %s', (_case, number) => {
    expect(isValidOrganisationNumber(number)).toBe(false);
  });

  it('has no check digit where the remainder is 1, so such numbers are never valid', () => {
    // 3*1+2*0+7*0+6*0+5*0+4*0+3*0+2*4 = 11+... → choose digits whose weighted sum ≡ 1 (mod 11)
    const firstEight = '10000001'; // 3*1 + 2*1 = 5 → remainder 5: check digit 6
    expect(mod11CheckDigit(firstEight)).toBe(6);
    expect(mod11CheckDigit('40000000')).toBe(undefined); // 3*4 = 12 → remainder 1
  });
});

describe('municipality numbers', () => {
  it.each([
    ['0602', '3301', 'Drammen before 2020'],
    ['3005', '3301', 'Drammen 2020–2023'],
    ['0625', '3301', 'Nedre Eiker, merged into Drammen'],
    ['0711', '3301', 'Svelvik, merged into Drammen'],
    ['3049', '3312', 'Lier 2020–2023'],
    ['0713', '3903', 'Sande, merged into Holmestrand'],
    ['3301', '3301', 'a 2024 number'],
    ['0301', '0301', 'Oslo, never renumbered'],
  ])('maps %s to %s (%s)', (given, expected) => {
    expect(currentMunicipalityNumber(given)).toBe(expected);
  });
});

describe('pre-triage', () => {
  it('finds nothing in an application from the region', () => {
    expect(preTriage(details(), undefined, rules, now)).toEqual([]);
  });

  it('finds an application from outside the region', () => {
    expect(preTriage(details({ municipality: '0301' }), undefined, rules, now)).toEqual([
      { code: 'outside-region' },
    ]);
  });

  it('counts whole months of a business, and finds one older than the limit', () => {
    expect(monthsSince('2023-03-02', now)).toBe(36);
    expect(monthsSince('2023-03-03', now)).toBe(35);
    expect(preTriage(details({ businessStartedOn: '2023-03-02' }), undefined, rules, now)).toEqual(
      [],
    );
    expect(preTriage(details({ businessStartedOn: '2023-02-01' }), undefined, rules, now)).toEqual([
      { code: 'business-too-old' },
    ]);
  });

  it('reports a duplicate with what matched', () => {
    const duplicate = { applicationId: ids.applicationId, matchedOn: 'phone' as const };
    expect(preTriage(details(), duplicate, rules, now)).toEqual([
      { code: 'duplicate', duplicateOf: ids.applicationId, matchedOn: 'phone' },
    ]);
  });

  it('declines by itself when something was found, and refers an established business on', () => {
    expect(automaticTriage([], now)).toBeUndefined();
    expect(
      automaticTriage([{ code: 'outside-region' }, { code: 'business-too-old' }], now),
    ).toMatchObject({
      decision: 'declined',
      reasonCodes: ['outside-region', 'business-too-old'],
      automatic: true,
    });
    expect(automaticTriage([{ code: 'business-too-old' }], now)).toMatchObject({
      decision: 'referred',
      referredTo: 'business-association',
    });
  });
});

describe('triage by a counsellor', () => {
  const staff = '11111111-1111-4111-8111-111111111111';
  const fresh = newApplication(details(), consentsGiven(), ids, [], now);
  const flagged = newApplication(
    details(),
    consentsGiven(),
    ids,
    [{ code: 'outside-region' }],
    now,
  );

  it('decides an untriaged application', () => {
    const result = decideTriage(
      fresh,
      { decision: 'accepted', reasonCodes: ['eligible'] },
      staff,
      now,
    );
    expect(result).toMatchObject({
      ok: true,
      triage: {
        decision: 'accepted',
        triagedBy: staff,
        automatic: false,
        overrulesAutomatic: false,
      },
    });
  });

  it('overrules the automatic pre-triage', () => {
    expect(flagged.status).toBe('declined');
    const result = decideTriage(
      flagged,
      { decision: 'accepted', reasonCodes: ['eligible'] },
      staff,
      now,
    );
    expect(result).toMatchObject({ ok: true, triage: { overrulesAutomatic: true } });
  });

  it("does not overturn another counsellor's decision, nor triage a withdrawn application", () => {
    const decided = decideTriage(
      fresh,
      { decision: 'declined', reasonCodes: ['not-a-business'] },
      staff,
      now,
    );
    if (!decided.ok) throw new Error('expected a decision');
    const triaged = { ...fresh, status: 'declined' as const, triage: decided.triage };
    expect(
      decideTriage(triaged, { decision: 'accepted', reasonCodes: ['eligible'] }, staff, now),
    ).toEqual({
      ok: false,
      refusal: 'already-triaged',
    });
    expect(
      decideTriage(
        withdraw(fresh, now),
        { decision: 'accepted', reasonCodes: ['eligible'] },
        staff,
        now,
      ),
    ).toEqual({
      ok: false,
      refusal: 'not-open',
    });
  });

  it('needs a partner for a referral and refuses one for anything else', () => {
    const input = { decision: 'referred' as const, reasonCodes: ['needs-other-service'] };
    expect(decideTriage(fresh, input, staff, now)).toEqual({
      ok: false,
      refusal: 'referral-needs-partner',
    });
    expect(decideTriage(fresh, { ...input, referredTo: 'nav' }, staff, now).ok).toBe(true);
    expect(
      decideTriage(
        fresh,
        { decision: 'accepted', reasonCodes: ['eligible'], referredTo: 'nav' },
        staff,
        now,
      ),
    ).toEqual({ ok: false, refusal: 'referral-needs-partner' });
  });
});

describe('application life cycle', () => {
  it('stamps every consent with the submission time and logs it', () => {
    const application = newApplication(details(), consentsGiven(), ids, [], now);
    expect(application.status).toBe('submitted');
    expect(application.consents.sharing.nav).toEqual({
      granted: true,
      textVersion: '2026-01',
      at: now,
    });
    expect(application.consentLog.map((line) => line.consent)).toEqual([
      'processing',
      'statistics',
      'sharing',
    ]);
  });

  it('is pre-triaged again after a change', () => {
    const application = newApplication(details(), consentsGiven(), ids, [], now);
    const moved = applyChange(
      application,
      { municipality: '0301' },
      [{ code: 'outside-region' }],
      now,
    );
    expect(moved).toMatchObject({
      municipality: '0301',
      status: 'declined',
      triage: { automatic: true },
    });
  });

  it('erases what identifies the founder and keeps the statistics', () => {
    const application = newApplication(
      details({ organisationNumber: '923609016', background: { immigrantBackground: true } }),
      consentsGiven({ background: { granted: true, textVersion: '2026-01' } }),
      ids,
      [],
      now,
    );
    const erased = erase(application, now);
    expect(erased).toMatchObject({
      status: 'erased',
      contact: { name: '', email: '' },
      idea: '',
      municipality: '3301',
      focusArea: 'grunder',
      sector: 'S',
      referralSource: 'nav',
    });
    expect(erased).not.toHaveProperty('organisationNumber');
    expect(erased).not.toHaveProperty('background');
    expect(JSON.stringify(erased)).not.toMatch(/Kari|kari@|912 34|923609016/);
  });
});
