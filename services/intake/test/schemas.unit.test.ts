import {
  applicationChangeSchema,
  applicationRequestSchema,
  consentChangeSchema,
  idempotencyHeaderSchema,
  triageRequestSchema,
} from '../src/http/schemas';
import { searchQuerySchema, encodeCursor } from '../src/http/search-schemas';
import { applicationBody } from './builders';

const schema = applicationRequestSchema(['en', 'nb']);
const pathsOf = (input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

describe('application request', () => {
  it('accepts a complete application and normalises the organisation number', () => {
    const parsed = schema.parse(applicationBody({ organisationNumber: '923 609 016' }));
    expect(parsed.organisationNumber).toBe('923609016');
    expect(schema.safeParse(applicationBody({ needs: undefined })).success).toBe(true);
  });

  it.each([
    ['a missing field', { municipality: undefined }, 'municipality'],
    ['a 3-digit municipality', { municipality: '330' }, 'municipality'],
    ['an unknown focus area', { focusArea: 'mining' }, 'focusArea'],
    ['a sector outside A–U', { sector: 'Z' }, 'sector'],
    ['an unsupported language', { language: 'de' }, 'language'],
    ['an unknown organisation form', { organisationForm: 'GmbH' }, 'organisationForm'],
    ['a bad MOD11 check digit', { organisationNumber: '923609017' }, 'organisationNumber'],
    ['a business start in the future', { businessStartedOn: '2999-01-01' }, 'businessStartedOn'],
    ['a need twice', { needs: ['mentor', 'mentor'] }, 'needs'],
    ['an empty idea', { idea: '   ' }, 'idea'],
    ['a control character in the idea', { idea: 'bell\u0007' }, 'idea'],
    ['a C1 control character in the idea', { idea: 'next line\u0085' }, 'idea'],
    ['a DEL in the idea', { idea: 'rub\u007Fout' }, 'idea'],
    ['an unknown top-level field', { extra: true }, ''],
    ['no consents', { consents: undefined }, 'consents'],
  ])('refuses %s', (_case, overrides, path) => {
    expect(pathsOf(applicationBody(overrides))).toContain(path);
  });

  it('lets the idea span several lines', () => {
    expect(pathsOf(applicationBody({ idea: 'Line one\nLine two\ttabbed' }))).toEqual([]);
  });

  it('refuses idempotency keys with other characters or over 200 long', () => {
    const parse = (key: string) => idempotencyHeaderSchema.safeParse({ 'idempotency-key': key });
    expect(parse('retry_1-A').success).toBe(true);
    expect(parse('has space').success).toBe(false);
    expect(parse('a:b').success).toBe(false);
    expect(parse('x'.repeat(201)).success).toBe(false);
  });
});

describe('other requests', () => {
  it('needs at least one field in a change', () => {
    const change = applicationChangeSchema(['en', 'nb']);
    expect(change.safeParse({}).success).toBe(false);
    expect(change.safeParse({ municipality: '3312' }).success).toBe(true);
  });

  it('names the partner category exactly for sharing consents', () => {
    const ok = {
      consent: 'sharing',
      partnerCategory: 'nav',
      granted: false,
      textVersion: '2026-01',
    };
    expect(consentChangeSchema.safeParse(ok).success).toBe(true);
    expect(consentChangeSchema.safeParse({ ...ok, partnerCategory: undefined }).success).toBe(
      false,
    );
    expect(consentChangeSchema.safeParse({ ...ok, consent: 'statistics' }).success).toBe(false);
  });

  it('takes reason codes, not free text, in a triage', () => {
    expect(
      triageRequestSchema.safeParse({ decision: 'accepted', reasonCodes: ['eligible'] }).success,
    ).toBe(true);
    expect(
      triageRequestSchema.safeParse({ decision: 'accepted', reasonCodes: ['Kari is nice'] })
        .success,
    ).toBe(false);
    expect(triageRequestSchema.safeParse({ decision: 'accepted', reasonCodes: [] }).success).toBe(
      false,
    );
  });

  it('round-trips its own cursors and refuses forged ones', () => {
    const cursor = encodeCursor({
      createdAt: new Date('2026-03-02T09:00:00.000Z'),
      applicationId: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
    });
    expect(searchQuerySchema.parse({ cursor }).cursor?.applicationId).toBe(
      'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
    );
    expect(searchQuerySchema.safeParse({ cursor: 'bm9wZQ' }).success).toBe(false);
    expect(searchQuerySchema.safeParse({ limit: '500' }).success).toBe(false);
  });
});
