import type { JobFilters } from "@/lib/jobs/queries";

/** Link to a page of the job board keeping the current filters (page 1 is left out of the URL). */
export function jobsHref(filters: JobFilters, page: number): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.kind) params.set("kind", filters.kind);
  if (filters.software) params.set("software", filters.software);
  if (filters.departement) params.set("departement", filters.departement);
  if (filters.remote) params.set("remote", "1");
  if (filters.minBudget) params.set("minBudget", String(filters.minBudget));
  if (filters.postedWithinDays) params.set("postedWithinDays", String(filters.postedWithinDays));
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/jobs?${query}` : "/jobs";
}

/** True when at least one search filter (not the page) is set. */
export function hasActiveJobFilters(filters: JobFilters): boolean {
  return Boolean(
    filters.q || filters.kind || filters.software || filters.departement || filters.remote || filters.minBudget || filters.postedWithinDays,
  );
}
