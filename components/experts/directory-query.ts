import type { DirectoryFilters } from "@/lib/experts/directory";

/** Link to a directory page keeping the current filters (page 1 is left out of the URL). */
export function directoryHref(filters: DirectoryFilters, page: number): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.software) params.set("software", filters.software);
  if (filters.kind) params.set("kind", filters.kind);
  if (filters.departement) params.set("departement", filters.departement);
  if (filters.remote) params.set("remote", "1");
  if (filters.maxRate) params.set("maxRate", String(filters.maxRate));
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/experts?${query}` : "/experts";
}

/** True when at least one search filter (not the page) is set. */
export function hasActiveFilters(filters: DirectoryFilters): boolean {
  return Boolean(filters.q || filters.software || filters.kind || filters.departement || filters.remote || filters.maxRate);
}
