import { AppError } from '@grunderboost/service-kit';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import type { Catalogue } from '@grunderboost/i18n';
import { chooseLanguage } from '@grunderboost/i18n';
import { localiseIssues } from '../i18n/validation-messages';

/** The reader's language for this request, and problems written in it. */
export interface Localiser {
  catalogue: Catalogue;
  /** Accept-Language, else the stored preference, else the default; sets Content-Language. */
  languageOf(req: Request, res: Response, preferred?: string): string;
  /** A problem whose title and detail come from `problem.<key>.title|detail`. */
  problem(req: Request, res: Response, status: number, key: string, preferred?: string): AppError;
  /** The parsed value, or a 400 problem listing every bad field in the reader's language. */
  parse<S extends z.ZodType>(schema: S, value: unknown, req: Request, res: Response): z.output<S>;
}

export function localiser(catalogue: Catalogue): Localiser {
  const available = catalogue.languages.map((l) => l.language);
  const languageOf = (req: Request, res: Response, preferred?: string) => {
    const language = chooseLanguage({
      acceptLanguage: req.get('accept-language'),
      ...(preferred === undefined ? {} : { preferred }),
      available,
      fallback: catalogue.defaultLanguage,
    });
    res.set('Content-Language', language);
    return language;
  };
  return {
    catalogue,
    languageOf,
    problem(req, res, status, key, preferred) {
      const language = languageOf(req, res, preferred);
      return new AppError({
        status,
        title: catalogue.t(language, `problem.${key}.title`),
        detail: catalogue.t(language, `problem.${key}.detail`),
        type: `urn:grunderboost:problem:${key}`,
      });
    },
    parse(schema, value, req, res) {
      const parsed = schema.safeParse(value);
      if (parsed.success) return parsed.data;
      const language = languageOf(req, res);
      const errors = localiseIssues(parsed.error.issues, catalogue, language);
      throw new AppError({
        status: 400,
        title: catalogue.t(language, 'problem.validation.title'),
        detail: catalogue.t(language, 'problem.validation.detail', { count: errors.length }),
        extensions: { errors },
      });
    },
  };
}
