import { applicationRequestSchema, idempotencyHeaderSchema } from '../src/http/schemas';

const valid = {
  contact: { name: 'Kari Nordmann', email: 'kari@example.no' },
  municipality: '3301',
  focusArea: 'health-industry',
  sector: 'Q',
  stage: 'validating',
  language: 'en',
  referralSource: 'usn',
};

const pathsOf = (input: unknown) => {
  const result = applicationRequestSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

describe('application request', () => {
  it('accepts a complete application, with or without a phone number', () => {
    expect(applicationRequestSchema.safeParse(valid).success).toBe(true);
    const withPhone = { ...valid, contact: { ...valid.contact, phone: '+47 912 34 567' } };
    expect(applicationRequestSchema.safeParse(withPhone).success).toBe(true);
  });

  it.each([
    ['a missing field', { ...valid, municipality: undefined }, 'municipality'],
    ['a 3-digit municipality', { ...valid, municipality: '330' }, 'municipality'],
    ['a number instead of a string', { ...valid, municipality: 3301 }, 'municipality'],
    ['an unknown focus area', { ...valid, focusArea: 'mining' }, 'focusArea'],
    ['a sector outside A–U', { ...valid, sector: 'Z' }, 'sector'],
    ['an unsupported language', { ...valid, language: 'de' }, 'language'],
    ['a bad e-mail', { ...valid, contact: { ...valid.contact, email: 'kari' } }, 'contact.email'],
    ['an empty name', { ...valid, contact: { ...valid.contact, name: ' ' } }, 'contact.name'],
    ['an unknown field in contact', { ...valid, contact: { ...valid.contact, x: 1 } }, 'contact'],
    ['an unknown top-level field', { ...valid, extra: true }, ''],
  ])('refuses %s', (_case, input, path) => {
    expect(pathsOf(input)).toContain(path);
  });

  it('refuses idempotency keys with other characters or over 200 long', () => {
    const parse = (key: string) => idempotencyHeaderSchema.safeParse({ 'idempotency-key': key });
    expect(parse('retry_1-A').success).toBe(true);
    expect(parse('has space').success).toBe(false);
    expect(parse('a:b').success).toBe(false);
    expect(parse('x'.repeat(201)).success).toBe(false);
    expect(parse('').success).toBe(false);
  });
});
