import { answersSchema, openFollowUpSchema, verifySchema } from '../src/http/schemas';
import { brregEntitySchema, toRegisterEntity } from '../src/register/brreg-response';

const valid = {
  stillOperating: true,
  employeesFte: 2.5,
  revenueBand: '1m-5m',
  hiresFromUnemployment: 1,
  fundingObtained: ['innovation-norway-etablerertilskudd', 'bank-loan'],
};

const pathsOf = (result: { success: boolean; error?: { issues: Array<{ path: unknown[] }> } }) =>
  (result.error?.issues ?? []).map((issue) => issue.path.join('.'));

describe('the survey', () => {
  it('accepts a full answer, with decimals in FTE and no funding', () => {
    expect(answersSchema.safeParse(valid).success).toBe(true);
    expect(
      answersSchema.safeParse({ ...valid, employeesFte: 0, fundingObtained: [] }).success,
    ).toBe(true);
  });

  it.each([
    ['employeesFte', -1],
    ['employeesFte', 1e9],
    ['employeesFte', 1.333],
    ['employeesFte', '2'],
    ['hiresFromUnemployment', 1.5],
    ['hiresFromUnemployment', -1],
    ['revenueBand', 'lots'],
    ['stillOperating', 'yes'],
    ['fundingObtained', ['lottery']],
    ['fundingObtained', ['equity', 'equity']],
  ])('names the field when %s is %p', (field, value) => {
    expect(pathsOf(answersSchema.safeParse({ ...valid, [field]: value }))).toContainEqual(
      expect.stringContaining(field),
    );
  });

  it('refuses unknown fields and missing ones', () => {
    expect(pathsOf(answersSchema.safeParse({ ...valid, revenue: 1_000_000 }))).toEqual(['']);
    const { stillOperating: _s, ...missing } = valid;
    expect(pathsOf(answersSchema.safeParse(missing))).toEqual(['stillOperating']);
  });
});

describe('opening and verifying', () => {
  const founderId = '690f5c39-42c3-4431-a685-0111598fb95d';

  it('takes only the five milestones', () => {
    const body = { founderId, monthsAfterRegistration: 12, registeredOn: '2026-01-15' };
    expect(openFollowUpSchema.safeParse(body).success).toBe(true);
    expect(pathsOf(openFollowUpSchema.safeParse({ ...body, monthsAfterRegistration: 9 }))).toEqual([
      'monthsAfterRegistration',
    ]);
  });

  it('checks the organisation number with MOD11, spaces allowed', () => {
    expect(verifySchema.parse({ founderId, organisationNumber: '974 760 673' })).toEqual({
      founderId,
      organisationNumber: '974760673',
    });
    expect(pathsOf(verifySchema.safeParse({ founderId, organisationNumber: '974760674' }))).toEqual(
      ['organisationNumber'],
    );
  });
});

describe("the register's answer", () => {
  const documented = {
    organisasjonsnummer: '974760673',
    navn: 'REGISTERENHETEN I BRØNNØYSUND',
    organisasjonsform: { kode: 'ORGL', beskrivelse: 'Organisasjonsledd' },
    registreringsdatoEnhetsregisteret: '1995-08-09',
    naeringskode1: { kode: '84.110', beskrivelse: 'Generell offentlig administrasjon' },
    konkurs: false,
    underAvvikling: false,
    underTvangsavviklingEllerTvangsopplosning: false,
    _links: { self: { href: 'https://data.brreg.no/enhetsregisteret/api/enheter/974760673' } },
  };

  it('maps the documented fields and leaves the name out', () => {
    const entity = toRegisterEntity(brregEntitySchema.parse(documented));
    expect(entity).toEqual({
      organisationNumber: '974760673',
      organisationFormCode: 'ORGL',
      registeredOn: '1995-08-09',
      naceCode: '84.110',
      bankrupt: false,
      underLiquidation: false,
      underForcedLiquidation: false,
    });
  });

  it('reads the flags and the deletion date', () => {
    const entity = toRegisterEntity(
      brregEntitySchema.parse({ ...documented, konkurs: true, slettedato: '2027-01-02' }),
    );
    expect(entity).toMatchObject({ bankrupt: true, deletedOn: '2027-01-02' });
  });

  it('refuses an answer of the wrong shape instead of guessing', () => {
    expect(brregEntitySchema.safeParse({ ...documented, konkurs: 'N' }).success).toBe(false);
    expect(brregEntitySchema.safeParse({ navn: 'X' }).success).toBe(false);
  });
});
