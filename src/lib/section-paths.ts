/**
 * Static paths for a paginated section: one route entry per page of every group.
 * Shared by the category, tag, person, location and archive routes.
 */
import { paginate, pageParam, type ListingPage } from './paginate.ts';

export interface SectionGroup<T, G> {
  /** Route params that identify the group, e.g. `{ id: 'politik' }`. */
  params: Record<string, string>;
  base: string;
  group: G;
  items: T[];
}

export function sectionPaths<T, G>(groups: SectionGroup<T, G>[], pageSize: number) {
  return groups.flatMap(({ params, base, group, items }) =>
    paginate(items, base, pageSize).map((page) => ({
      params: { ...params, page: pageParam(page.number) },
      props: { group, base, page } as { group: G; base: string; page: ListingPage<T> },
    })),
  );
}
