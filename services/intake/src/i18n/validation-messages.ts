import { formatPath, type FieldError } from '@grunderboost/service-kit';
import type { z } from 'zod';
import type { Catalogue } from '@grunderboost/i18n';

/**
 * Zod's issues in the reader's language. A field may have its own message
 * (`validation.field.<path>` with array indexes dropped, e.g. `validation.field.contact.email`);
 * otherwise the message of the issue's kind (`validation.<code>`) is used, with its limits filled in.
 */
function genericKey(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    return issue.input === undefined ? 'validation.required' : 'validation.invalid_type';
  }
  if (issue.code === 'too_small') {
    return issue.origin === 'array' ? 'validation.too_few' : 'validation.too_short';
  }
  if (issue.code === 'too_big') {
    return issue.origin === 'array' ? 'validation.too_many' : 'validation.too_long';
  }
  return `validation.${issue.code}`;
}

/** The values a message's placeholders need; issues without limits or options need none. */
function paramsOf(issue: z.core.$ZodIssue): Record<string, string | number> {
  if (issue.code === 'too_small') return { min: Number(issue.minimum) };
  if (issue.code === 'too_big') return { max: Number(issue.maximum) };
  if (issue.code === 'invalid_value') return { options: issue.values.map(String).join(', ') };
  if (issue.code === 'unrecognized_keys') return { keys: issue.keys.join(', ') };
  return {};
}

export function localiseIssues(
  issues: readonly z.core.$ZodIssue[],
  catalogue: Catalogue,
  language: string,
): FieldError[] {
  return issues.map((issue) => {
    const path = formatPath(issue.path);
    const fieldKey = `validation.field.${issue.path.filter((s) => typeof s === 'string').join('.')}`;
    // A required field is reported as required even when the field has its own format message.
    const useField = genericKey(issue) !== 'validation.required';
    const params = paramsOf(issue);
    const fieldMessage = catalogue.t(language, fieldKey, params);
    const message =
      useField && fieldMessage !== fieldKey
        ? fieldMessage
        : catalogue.t(language, genericKey(issue), params);
    return { path, message, code: issue.code };
  });
}
