import type { OfferFilters } from "@/lib/offers/schemas";

/** Link to a catalogue page keeping the current filters (page 1 is left out of the URL). */
export function offersHref(filters: OfferFilters, page: number): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.software) params.set("software", filters.software);
  if (filters.kind) params.set("kind", filters.kind);
  if (filters.maxPrice) params.set("maxPrice", String(filters.maxPrice));
  if (filters.departement) params.set("departement", filters.departement);
  if (filters.remote) params.set("remote", "1");
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/offers?${query}` : "/offers";
}

/** True when at least one search filter (not the page) is set. */
export function hasOfferFilters(filters: OfferFilters): boolean {
  return Boolean(filters.q || filters.software || filters.kind || filters.maxPrice || filters.departement || filters.remote);
}
