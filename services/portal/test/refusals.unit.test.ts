import { loadCatalogue } from '@grunderboost/i18n';
import type { PageContext } from '../src/layout';
import { refusalProblem } from '../src/routes/founder-link';
import { MESSAGES_DIR } from '../src/server';

const catalogue = loadCatalogue(MESSAGES_DIR, 'nb');
const context = (language: string): PageContext => ({
  language,
  catalogue,
  path: '/',
  signedIn: false,
});

describe("counselling's refusals on the booking forms", () => {
  it('explains each refusal code in the page language, at the field it concerns', () => {
    expect(refusalProblem(context('en'), 'allowance-used')).toEqual({
      field: 'slot',
      target: 'slot-0-0',
      message: 'You have used all your free sessions. Ask your counsellor if you need more.',
    });
    expect(refusalProblem(context('nb'), 'slot-taken').message).toBe(
      'Noen andre har akkurat bestilt den tiden. Velg en annen tid.',
    );
    // Only video or phone: the problem is the way of meeting, not the time.
    expect(refusalProblem(context('en'), 'digital-only')).toMatchObject({
      field: 'mode',
      target: 'mode-0',
    });
  });

  it('has a text for every code in both languages, and a general one for unknown codes', () => {
    const codes = ['slot-taken', 'slot-unavailable', 'allowance-used', 'digital-only', 'refused'];
    for (const language of ['nb', 'en']) {
      for (const code of [...codes, 'concurrent-change', 'invalid', 'unavailable']) {
        expect(refusalProblem(context(language), code).message).not.toMatch(/^booking\./);
      }
    }
    expect(refusalProblem(context('en'), 'something-new').message).toBe(
      'That did not work. Please try again.',
    );
  });
});
