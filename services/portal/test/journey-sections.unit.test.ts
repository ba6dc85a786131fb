import { loadCatalogue } from '@grunderboost/i18n';
import type { PageContext } from '../src/layout';
import {
  hasEnded,
  journeySection,
  sessionsSection,
  type FounderSections,
} from '../src/pages/journey';
import { MESSAGES_DIR } from '../src/server';

const catalogue = loadCatalogue(MESSAGES_DIR, 'nb');
const context = (language: string): PageContext => ({
  language,
  catalogue,
  path: '/status/x',
  signedIn: false,
});
const now = new Date('2026-12-02T08:00:00Z');
const view = (overrides: Partial<FounderSections>): FounderSections => ({
  journey: 'none',
  appointments: 'no-counsellor',
  href: (path) => `/status/a${path}?token=t%26`,
  now,
  ...overrides,
});
const appointment = (startsAt: string, status = 'booked') => ({
  appointmentId: `id-${startsAt}`,
  kind: 'first-meeting',
  mode: 'video',
  startsAt,
  endsAt: startsAt,
  status,
});

describe('the journey section', () => {
  it('lists the stages in order with Oslo times and reasons, the last one current', () => {
    const journey = {
      stage: 'assigned',
      timeline: [
        { stage: 'submitted', at: '2026-12-01T09:00:00Z' },
        { stage: 'triaged', at: '2026-12-01T10:00:00Z', reasonCode: 'accepted' },
        { stage: 'assigned', at: '2026-12-01T10:00:01Z' },
      ],
    };
    const out = journeySection(context('nb'), journey).value;
    expect(out).toContain('Der du er nå: Du har fått en veileder');
    expect(out).toMatch(/10:00.*Søknaden er mottatt/s);
    expect(out).toContain('Søknaden er vurdert (godkjent)');
    expect(out.match(/aria-current="step"/g)).toHaveLength(1);
    expect(out.lastIndexOf('aria-current')).toBeGreaterThan(out.indexOf('data-stage="triaged"'));
  });

  it("gives a closed case's reason in the founder's words, and leaves out one it has no words for", () => {
    const closed = (reasonCode: string) => ({
      stage: 'closed',
      timeline: [{ stage: 'closed', at: '2026-12-01T09:00:00Z', reasonCode }],
    });
    expect(journeySection(context('en'), closed('company-running')).value).toContain(
      'Closed (your company is up and running)',
    );
    const unknown = journeySection(context('en'), closed('some-new-code')).value;
    expect(unknown).toMatch(/:\s*Closed\s*<\/li>/);
    expect(unknown).not.toContain('some-new-code');
  });

  it('says when there is no journey yet, or when it cannot be read', () => {
    expect(journeySection(context('en'), 'none').value).toContain('Your journey starts');
    expect(journeySection(context('en'), 'unavailable').value).toContain('cannot be shown');
  });
});

describe('the sessions section', () => {
  it('says there is no counsellor yet, or that none will come for an ended application', () => {
    expect(sessionsSection(context('en'), view({})).value).toContain('You have no counsellor yet');
    const ended = sessionsSection(context('en'), view({}), true).value;
    expect(ended).toContain('does not lead to counselling sessions');
    expect(ended).not.toContain('Book a session');
  });

  it('lists sessions in time order; only future booked ones can be moved or cancelled', () => {
    const out = sessionsSection(
      context('en'),
      view({
        appointments: [
          appointment('2026-12-10T09:00:00Z'),
          appointment('2026-12-01T09:00:00Z', 'completed'),
          appointment('2026-12-08T09:00:00Z', 'cancelled'),
        ],
      }),
    ).value;
    const order = ['2026-12-01', '2026-12-08', '2026-12-10'].map((d) => out.indexOf(`id-${d}`));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(out.match(/\/move\?/g)).toHaveLength(1);
    expect(out).toContain('/status/a/sessions/id-2026-12-10T09:00:00Z/move?token=t%26');
    expect(out).toContain('aria-label="Cancel the session on Thursday, 10 December 2026 at 10:00"');
    expect(out).toContain('held');
    expect(out).toContain('Book a session');
  });

  it('knows which applications have ended', () => {
    expect(hasEnded('declined', 'none')).toBe(true);
    expect(hasEnded('accepted', { stage: 'closed', timeline: [] })).toBe(true);
    expect(hasEnded('accepted', { stage: 'assigned', timeline: [] })).toBe(false);
    expect(hasEnded('submitted', 'unavailable')).toBe(false);
  });
});
