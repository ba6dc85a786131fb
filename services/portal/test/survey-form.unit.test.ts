import { parseSurvey } from '../src/survey-form';

const valid = {
  stillOperating: 'yes',
  employeesFte: '2,5',
  revenueBand: '1m-5m',
  hiresFromUnemployment: '1',
  fundingObtained: ['bank-loan', 'innovation-norway-etablerertilskudd'],
};

describe('parseSurvey', () => {
  it('turns a filled-in form into the follow-up API answers (a decimal comma is fine)', () => {
    expect(parseSurvey(valid)).toEqual({
      ok: true,
      answers: {
        stillOperating: true,
        employeesFte: 2.5,
        revenueBand: '1m-5m',
        hiresFromUnemployment: 1,
        fundingObtained: ['bank-loan', 'innovation-norway-etablerertilskudd'],
      },
    });
    const none = parseSurvey({ ...valid, stillOperating: 'no', fundingObtained: undefined });
    expect(none).toMatchObject({
      ok: true,
      answers: { stillOperating: false, fundingObtained: [] },
    });
  });

  it('names every missing answer', () => {
    expect(parseSurvey({})).toEqual({
      ok: false,
      errors: {
        stillOperating: 'survey.error.stillOperating.required',
        employeesFte: 'survey.error.employeesFte.required',
        revenueBand: 'survey.error.revenueBand.required',
        hiresFromUnemployment: 'survey.error.hiresFromUnemployment.required',
      },
    });
  });

  it('applies the API rules: two decimals at most, whole hires, the bounds, known codes', () => {
    const errorsOf = (overrides: Record<string, unknown>) => {
      const result = parseSurvey({ ...valid, ...overrides });
      return result.ok ? {} : result.errors;
    };
    expect(errorsOf({ employeesFte: '1.333' }).employeesFte).toBe(
      'survey.error.employeesFte.format',
    );
    expect(errorsOf({ employeesFte: '-1' }).employeesFte).toBe('survey.error.employeesFte.format');
    expect(errorsOf({ employeesFte: '10001' }).employeesFte).toBe('survey.error.employeesFte.max');
    expect(errorsOf({ employeesFte: '10000' })).toEqual({});
    expect(errorsOf({ hiresFromUnemployment: '1.5' }).hiresFromUnemployment).toBe(
      'survey.error.hiresFromUnemployment.format',
    );
    expect(errorsOf({ hiresFromUnemployment: '10001' }).hiresFromUnemployment).toBe(
      'survey.error.hiresFromUnemployment.max',
    );
    expect(errorsOf({ revenueBand: 'lots' }).revenueBand).toBe('survey.error.revenueBand.required');
    expect(errorsOf({ fundingObtained: 'lottery' }).fundingObtained).toBe(
      'survey.error.fundingObtained.unknown',
    );
  });
});
