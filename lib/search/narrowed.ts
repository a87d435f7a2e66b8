/**
 * Whether a search page's filters narrow it: any of them set but the page number. With none, an
 * empty result means nothing is published yet ("post yours"), not that the filters are too narrow
 * ("widen them"), which the board, the directory and the offers said to a first visitor.
 */
export function isNarrowed(filters: Record<string, unknown>): boolean {
  return Object.entries(filters).some(([key, value]) => key !== "page" && value !== undefined && value !== null && value !== "" && value !== false);
}
