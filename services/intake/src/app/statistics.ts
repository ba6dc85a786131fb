import type { Application } from '../domain/application';
import type { IntakeDependencies } from './ports';
import type { Reader } from './queries';

/** Below this many founders a count is suppressed: small groups could be recognised (k = 5). */
export const SMALL_GROUP_THRESHOLD = 5;

export type BackgroundCount = { count: number } | { count: null; suppressed: true };

/** Counted only with the background consent in force and the data present (DESIGN.md). */
export function hasConsentedImmigrantBackground(application: Application): boolean {
  return (
    application.status !== 'erased' &&
    application.consents.background?.granted === true &&
    application.background?.immigrantBackground === true
  );
}

export function statisticsUseCases(deps: IntakeDependencies) {
  return {
    /**
     * How many of the given founders have a consented immigrant background: a number, never the
     * founders. Audited with the size of the set only (the ids are the caller's, not data read).
     */
    async countImmigrantBackground(founderIds: string[], reader: Reader): Promise<BackgroundCount> {
      await deps.audit.record({
        at: deps.now(),
        ...reader,
        action: 'background-statistics',
        applicationIds: [],
        founderCount: founderIds.length,
      });
      let count = 0;
      for (const founderId of new Set(founderIds)) {
        const applications = await deps.store.findByFounder(founderId);
        if (applications.some(hasConsentedImmigrantBackground)) count += 1;
      }
      return count < SMALL_GROUP_THRESHOLD ? { count: null, suppressed: true } : { count };
    },
  };
}
