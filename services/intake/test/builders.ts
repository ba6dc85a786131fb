import type { ApplicationDetails } from '../src/domain/application';
import type { ConsentsGiven } from '../src/domain/lifecycle';

let counter = 0;

/** A complete, valid POST /applications body; each call has its own e-mail and phone. */
export function applicationBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  const n = `${process.pid}${counter}`.slice(-8).padStart(8, '0');
  return {
    contact: { name: 'Kari Nordmann', email: `kari.${n}@example.no`, phone: `+47 9${n.slice(1)}` },
    language: 'nb',
    municipality: '3301',
    idea: 'En sykkelverksted-kafé ved elva i Drammen.',
    sector: 'S',
    focusArea: 'grunder',
    stage: 'idea',
    organisationForm: 'ENK',
    needs: ['business-plan', 'financing'],
    referralSource: 'nav',
    consents: {
      processing: { granted: true, textVersion: '2026-01' },
      statistics: { granted: true, textVersion: '2026-01' },
      sharing: { nav: { granted: true, textVersion: '2026-01' } },
    },
    ...overrides,
  };
}

export const details = (overrides: Partial<ApplicationDetails> = {}): ApplicationDetails => ({
  contact: { name: 'Kari Nordmann', email: 'kari@example.no', phone: '+47 912 34 567' },
  language: 'nb',
  municipality: '3301',
  idea: 'A bicycle repair café',
  sector: 'S',
  focusArea: 'grunder',
  stage: 'idea',
  organisationForm: 'ENK',
  needs: ['business-plan'],
  referralSource: 'nav',
  ...overrides,
});

export const consentsGiven = (overrides: Partial<ConsentsGiven> = {}): ConsentsGiven => ({
  processing: { granted: true, textVersion: '2026-01' },
  statistics: { granted: false, textVersion: '2026-01' },
  sharing: { nav: { granted: true, textVersion: '2026-01' } },
  ...overrides,
});
