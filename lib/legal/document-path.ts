import type { LegalDocument } from "./versions";

/** Where a version's text is read. */
export function documentPath(document: LegalDocument, version: string): string {
  if (document === "terms") return `/legal/terms/v/${encodeURIComponent(version)}`;
  if (document === "privacy") return "/legal/privacy";
  return "/legal/terms/versions";
}
