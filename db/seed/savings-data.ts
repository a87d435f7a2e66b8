/**
 * Starting price data of the savings estimate (/savings). Written once into an empty table (an
 * admin's edits are never overwritten), then kept current by admins at /admin/savings.
 *
 * Licences: public list prices excluding VAT, per user and month, on a yearly commitment, for the
 * plan a small company usually takes, as published in France. Replacement side: typical prices of
 * French hosters and of experts on the platform. Each row names its source and date; the page
 * shows them.
 */
import type { PaidServiceCategory, SavingsAssumptionKey } from "../schema/savings";

export interface PaidServiceEntry {
  slug: string;
  name: string;
  category: PaidServiceCategory;
  monthlyCentsPerUser: number;
  replacementSlugs: string[];
  source: string;
  pricedOn: string;
}

const PRICED_ON = "2026-11-02";

export const paidServiceEntries: readonly PaidServiceEntry[] = [
  { slug: "microsoft-365", name: "Microsoft 365 Business Standard", category: "office_suite", monthlyCentsPerUser: 1170, replacementSlugs: ["nextcloud", "collabora-online", "mailcow"], source: "microsoft.com/fr-fr/microsoft-365/business", pricedOn: PRICED_ON },
  { slug: "google-workspace", name: "Google Workspace Business Standard", category: "office_suite", monthlyCentsPerUser: 1400, replacementSlugs: ["nextcloud", "collabora-online", "mailcow"], source: "workspace.google.com/intl/fr/pricing", pricedOn: PRICED_ON },
  { slug: "dropbox", name: "Dropbox Business", category: "file_sharing", monthlyCentsPerUser: 1200, replacementSlugs: ["nextcloud"], source: "dropbox.com/fr/business/pricing", pricedOn: PRICED_ON },
  { slug: "slack", name: "Slack Pro", category: "chat", monthlyCentsPerUser: 675, replacementSlugs: ["mattermost"], source: "slack.com/intl/fr-fr/pricing", pricedOn: PRICED_ON },
  { slug: "zoom", name: "Zoom Workplace Pro", category: "video", monthlyCentsPerUser: 1333, replacementSlugs: ["jitsi-meet"], source: "zoom.com/fr/products/collaboration-tools/pricing", pricedOn: PRICED_ON },
  { slug: "salesforce", name: "Salesforce Starter Suite", category: "crm", monthlyCentsPerUser: 2500, replacementSlugs: ["odoo"], source: "salesforce.com/fr/pricing", pricedOn: PRICED_ON },
  { slug: "paid-erp", name: "Sage 100 Cloud / Cegid (ERP)", category: "erp_accounting", monthlyCentsPerUser: 5000, replacementSlugs: ["dolibarr"], source: "sage.com/fr-fr, cegid.com/fr", pricedOn: PRICED_ON },
  { slug: "commercial-vpn", name: "NordLayer (VPN)", category: "vpn", monthlyCentsPerUser: 1000, replacementSlugs: ["wireguard"], source: "nordlayer.com/pricing", pricedOn: PRICED_ON },
  { slug: "password-manager", name: "1Password Business", category: "password_manager", monthlyCentsPerUser: 750, replacementSlugs: ["vaultwarden"], source: "1password.com/fr/pricing", pricedOn: PRICED_ON },
];

export const savingsAssumptionEntries: readonly { key: SavingsAssumptionKey; cents: number; source: string; pricedOn: string }[] = [
  { key: "hosting_small_monthly", cents: 2000, source: "OVHcloud, Scaleway, Infomaniak: VPS 4 vCPU / 8 GB + backup", pricedOn: PRICED_ON },
  { key: "hosting_medium_monthly", cents: 4500, source: "OVHcloud, Scaleway, Infomaniak: VPS 8 vCPU / 16 GB + backup", pricedOn: PRICED_ON },
  { key: "hosting_large_monthly", cents: 9000, source: "OVHcloud, Scaleway, Infomaniak: dedicated server + backup", pricedOn: PRICED_ON },
  { key: "installation_base", cents: 80000, source: "Compagnon (estimation / estimate)", pricedOn: PRICED_ON },
  { key: "installation_per_software", cents: 60000, source: "Compagnon (estimation / estimate)", pricedOn: PRICED_ON },
  { key: "support_base_monthly", cents: 8000, source: "Compagnon (estimation / estimate)", pricedOn: PRICED_ON },
  { key: "support_per_software_monthly", cents: 2000, source: "Compagnon (estimation / estimate)", pricedOn: PRICED_ON },
];

/** Micro-entrepreneur turnover ceilings for services (art. 50-0 and 102 ter CGI), from a year on. */
export const turnoverCeilingEntries: readonly { fromYear: number; servicesCents: number; source: string }[] = [
  { fromYear: 2023, servicesCents: 7_770_000, source: "art. 50-0 / 102 ter CGI (2023-2025)" },
  { fromYear: 2026, servicesCents: 8_360_000, source: "art. 50-0 / 102 ter CGI (2026-2028)" },
];
