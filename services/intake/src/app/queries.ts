import type { Application } from '../domain/application';
import type { IntakeDependencies, SearchFilters, SearchPage, SearchResult } from './ports';

/** The staff member reading, for the audit log. */
export interface Reader {
  staffId: string;
  roles: string[];
  requestId?: string;
}

export function queryUseCases(deps: IntakeDependencies) {
  return {
    /** For the founder's own link: no audit record, it is their own data. */
    get: (applicationId: string) => deps.store.findById(applicationId),

    /** A staff read of personal data: recorded in the audit log before the data is returned. */
    async readAsStaff(applicationId: string, reader: Reader): Promise<Application | undefined> {
      const application = await deps.store.findById(applicationId);
      if (application === undefined) return undefined;
      await deps.audit.record({
        at: deps.now(),
        ...reader,
        action: 'read-application',
        applicationIds: [applicationId],
      });
      return application;
    },

    async search(filters: SearchFilters, page: SearchPage, reader: Reader): Promise<SearchResult> {
      const result = await deps.store.search(filters, page);
      await deps.audit.record({
        at: deps.now(),
        ...reader,
        action: 'search-applications',
        applicationIds: result.items.map((item) => item.applicationId),
        filters: Object.keys(filters).sort(),
      });
      return result;
    },
  };
}
