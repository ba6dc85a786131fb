import type { SearchFilters, SearchPage, SearchResult } from '../app/ports';
import { emailKeyOf, toApplication, type ApplicationCollection } from './application-document';

/** Regex metacharacters of a founder's name are literal text in a search. */
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function filterOf(filters: SearchFilters): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (filters.status !== undefined) filter.status = { $in: filters.status };
  if (filters.municipality !== undefined) filter.municipality = { $in: filters.municipality };
  if (filters.focusArea !== undefined) filter.focusArea = { $in: filters.focusArea };
  if (filters.referralSource !== undefined) filter.referralSource = { $in: filters.referralSource };
  if (filters.language !== undefined) filter.language = { $in: filters.language };
  if (filters.email !== undefined) filter.emailKey = emailKeyOf(filters.email);
  if (filters.name !== undefined) {
    filter['contact.name'] = { $regex: escapeRegex(filters.name), $options: 'i' };
  }
  if (filters.submittedFrom !== undefined || filters.submittedTo !== undefined) {
    filter.createdAt = {
      ...(filters.submittedFrom === undefined ? {} : { $gte: filters.submittedFrom }),
      ...(filters.submittedTo === undefined ? {} : { $lt: filters.submittedTo }),
    };
  }
  return filter;
}

/**
 * Newest first, with a keyset cursor (the last item's createdAt and id): stable while new
 * applications arrive, and as fast on page 100 as on page 1, unlike skip/limit.
 */
export async function searchApplications(
  collection: ApplicationCollection,
  filters: SearchFilters,
  page: SearchPage,
): Promise<SearchResult> {
  const filter = filterOf(filters);
  const after = page.after;
  const query =
    after === undefined
      ? filter
      : {
          $and: [
            filter,
            {
              $or: [
                { createdAt: { $lt: after.createdAt } },
                { createdAt: after.createdAt, _id: { $lt: after.applicationId } },
              ],
            },
          ],
        };
  const documents = await collection
    .find(query as Parameters<ApplicationCollection['find']>[0])
    .sort({ createdAt: -1, _id: -1 })
    .limit(page.limit + 1) // one more tells whether there is a next page
    .toArray();
  const items = documents.slice(0, page.limit).map(toApplication);
  const last = items[items.length - 1];
  const next =
    documents.length > page.limit && last !== undefined
      ? { createdAt: last.createdAt, applicationId: last.applicationId }
      : undefined;
  return { items, ...(next === undefined ? {} : { next }) };
}
