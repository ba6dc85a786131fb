import { fundingSources, revenueBands } from '@grunderboost/contracts';
import { z } from 'zod';

/** The follow-up service's answer codes come from the outcome event's contract, so they cannot drift. */
export { fundingSources as FUNDING_SOURCES, revenueBands as REVENUE_BANDS };
/** The follow-up API's upper bounds: more is a typo in a start-up survey. */
export const MAX_FTE = 10_000;
export const MAX_HIRES = 10_000;

export type SurveyField =
  'stillOperating' | 'employeesFte' | 'revenueBand' | 'hiresFromUnemployment';

export interface SurveyAnswers {
  stillOperating: boolean;
  employeesFte: number;
  revenueBand: (typeof revenueBands)[number];
  hiresFromUnemployment: number;
  fundingObtained: Array<(typeof fundingSources)[number]>;
}

const text = z.string().max(200).optional();
/** As the browser posts it: strings, or a list for the checkboxes. */
export const surveyFormSchema = z.looseObject({
  stillOperating: text,
  employeesFte: text,
  revenueBand: text,
  hiresFromUnemployment: text,
  fundingObtained: z.union([z.string().max(200), z.array(z.string().max(200)).max(20)]).optional(),
});
export type SurveyFormValues = z.infer<typeof surveyFormSchema>;

/** Message keys (`survey.error.*`) by field: the same rules as the follow-up API. */
export type SurveyErrors = Partial<Record<SurveyField | 'fundingObtained', string>>;

const DECIMAL = /^\d+([.,]\d{1,2})?$/;
const WHOLE = /^\d+$/;

function fte(value: string | undefined): number | string {
  const trimmed = (value ?? '').trim().replace(/\s/g, '');
  if (trimmed === '') return 'survey.error.employeesFte.required';
  if (!DECIMAL.test(trimmed)) return 'survey.error.employeesFte.format';
  const number = Number(trimmed.replace(',', '.'));
  return number > MAX_FTE ? 'survey.error.employeesFte.max' : number;
}

function hires(value: string | undefined): number | string {
  const trimmed = (value ?? '').trim();
  if (trimmed === '') return 'survey.error.hiresFromUnemployment.required';
  if (!WHOLE.test(trimmed)) return 'survey.error.hiresFromUnemployment.format';
  const number = Number(trimmed);
  return number > MAX_HIRES ? 'survey.error.hiresFromUnemployment.max' : number;
}

const listOf = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

const isIn = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/** The form → the API's answers, or what is wrong with each field (message keys). */
export function parseSurvey(
  values: SurveyFormValues,
): { ok: true; answers: SurveyAnswers } | { ok: false; errors: SurveyErrors } {
  const errors: SurveyErrors = {};
  const operating = values.stillOperating;
  if (operating !== 'yes' && operating !== 'no') {
    errors.stillOperating = 'survey.error.stillOperating.required';
  }
  const employees = fte(values.employeesFte);
  if (typeof employees === 'string') errors.employeesFte = employees;
  const band = values.revenueBand ?? '';
  if (!isIn(revenueBands, band)) errors.revenueBand = 'survey.error.revenueBand.required';
  const hired = hires(values.hiresFromUnemployment);
  if (typeof hired === 'string') errors.hiresFromUnemployment = hired;
  const funding = [...new Set(listOf(values.fundingObtained))];
  if (!funding.every((source) => isIn(fundingSources, source))) {
    errors.fundingObtained = 'survey.error.fundingObtained.unknown';
  }
  if (
    Object.keys(errors).length > 0 ||
    typeof employees === 'string' ||
    typeof hired === 'string'
  ) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    answers: {
      stillOperating: operating === 'yes',
      employeesFte: employees,
      revenueBand: band as SurveyAnswers['revenueBand'],
      hiresFromUnemployment: hired,
      fundingObtained: funding as SurveyAnswers['fundingObtained'],
    },
  };
}
