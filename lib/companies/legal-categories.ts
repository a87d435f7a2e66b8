/**
 * Labels of INSEE's catégories juridiques (niveau III) that clients and experts use; other
 * codes are shown as "Catégorie juridique NNNN". Source: INSEE nomenclature of legal categories.
 */
const LABELS: Record<string, string> = {
  "1000": "Entrepreneur individuel",
  "5202": "Société en nom collectif",
  "5306": "Société en commandite simple",
  "5370": "Société de participations financières de profession libérale en commandite par actions",
  "5385": "Société d'exercice libéral en commandite par actions",
  "5410": "SARL nationale",
  "5422": "SARL immobilière pour le commerce et l'industrie",
  "5426": "SARL immobilière de gestion",
  "5430": "SARL d'aménagement foncier et d'équipement rural",
  "5443": "SARL coopérative de construction",
  "5451": "SARL coopérative de consommation",
  "5458": "SARL coopérative ouvrière de production (SCOP)",
  "5460": "Autre SARL coopérative",
  "5485": "Société d'exercice libéral à responsabilité limitée (SELARL)",
  "5498": "SARL unipersonnelle (EURL)",
  "5499": "Société à responsabilité limitée (SARL)",
  "5505": "SA à participation ouvrière à conseil d'administration",
  "5510": "SA nationale à conseil d'administration",
  "5515": "SA d'économie mixte à conseil d'administration",
  "5560": "Autre SA coopérative à conseil d'administration",
  "5599": "SA à conseil d'administration",
  "5699": "SA à directoire",
  "5710": "Société par actions simplifiée (SAS)",
  "5720": "Société par actions simplifiée à associé unique (SASU)",
  "5785": "Société d'exercice libéral par actions simplifiée (SELAS)",
  "5800": "Société européenne",
  "6540": "Société civile immobilière",
  "6585": "Autre société civile professionnelle",
  "6599": "Autre société civile",
  "7112": "Autorité administrative ou publique indépendante",
  "7210": "Commune et commune nouvelle",
  "7220": "Département",
  "7229": "Autre collectivité territoriale",
  "7230": "Région",
  "7389": "Établissement public national à caractère administratif",
  "9220": "Association déclarée",
  "9221": "Association déclarée d'insertion par l'économique",
  "9230": "Association déclarée, reconnue d'utilité publique",
  "9300": "Fondation",
};

/** "Société par actions simplifiée (SAS)" for 5710; the code itself when we have no label. */
export function legalCategoryLabel(code: string | null | undefined): string | null {
  if (!code) return null;
  return LABELS[code] ?? `Catégorie juridique ${code}`;
}
