/**
 * A data set at production scale for the benchmark (scripts/bench.ts) and the search plan tests:
 * realistic French needs, experts, bids, contracts, milestones and invoices, generated inside
 * PostgreSQL with generate_series (100,000 needs load in seconds; no row crosses the wire).
 * Needs the catalogue (seedCatalog) first. Deterministic: the same sizes give the same rows.
 *
 * Search terms with a known share of the open needs (see SCALE_TERMS): « wireguard » is in 15 %
 * of the titles, « quimper » in about 0.1 % of the descriptions, « zzyzx » in none.
 */
import type postgres from "postgres";

export interface ScaleSizes {
  jobs: number;
  /** Every tenth need is not open (in progress, closed or a draft): 90 % open. */
  experts: number;
  /** Seven in ten are verified. */
  bids: number;
  contracts: number;
}

export const FULL_SCALE: ScaleSizes = { jobs: 100_000, experts: 10_000, bids: 300_000, contracts: 20_000 };
export const SMALL_SCALE: ScaleSizes = { jobs: 10_000, experts: 1_000, bids: 30_000, contracts: 2_000 };

export const SCALE_TERMS = { common: "wireguard", rare: "quimper", none: "zzyzx" } as const;

/** Software named in the titles: WireGuard three times in twenty (15 %). */
const SOFTWARE = [
  "Nextcloud", "WireGuard", "Odoo", "Dolibarr", "WireGuard", "Keycloak", "BorgBackup", "PostgreSQL", "Proxmox", "Matrix",
  "GLPI", "WireGuard", "Moodle", "Zimbra", "Mattermost", "Collabora", "Jitsi", "Gitea", "OnlyOffice", "Rocket.Chat",
];
const VERBS = ["Installer", "Migrer vers", "Maintenir", "Former l’équipe à", "Sécuriser", "Mettre à jour", "Auditer", "Déployer"];
const CONTEXTS = [
  "pour notre cabinet comptable", "pour une PME de 20 personnes", "dans nos locaux", "pour l’association", "sur nos serveurs",
  "pour la mairie", "pour un réseau de boutiques", "pour notre atelier",
];
const CITIES = ["Lyon", "Nantes", "Lille", "Bordeaux", "Toulouse", "Rennes", "Grenoble", "Dijon", "Tours", "Angers"];
const FIRST = ["Sophie", "Karim", "Julie", "Thomas", "Camille", "Nicolas", "Léa", "Mehdi", "Claire", "Antoine", "Inès", "Hugo"];
const LAST = ["Bernard", "Haddad", "Martin", "Petit", "Durand", "Lefèvre", "Moreau", "Garnier", "Roux", "Fontaine", "Mercier"];
const DEPARTEMENTS = ["69", "44", "59", "33", "31", "35", "38", "21", "37", "49", "75", "13"];

const arr = (values: string[]) => `array[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(",")}]`;
const pick = (values: string[], index: string) => `(${arr(values)})[1 + ((${index}) % ${values.length})]`;

export async function seedAtScale(sql: postgres.Sql, sizes: ScaleSizes): Promise<void> {
  const { jobs, experts, bids, contracts } = sizes;
  const clients = Math.max(1, Math.ceil(jobs / 20));
  const run = (statement: string) => sql.unsafe(statement);
  await run(`create temporary table scale_software as
    select row_number() over (order by slug) - 1 as n, id, name, slug from catalog_software`);
  await run(`insert into users (email, name, role, email_verified)
    select 'client' || i || '@bench.example', ${pick(FIRST, "i")} || ' ' || ${pick(LAST, "i / 7")}, 'client', now()
    from generate_series(0, ${clients - 1}) i`);
  await run(`insert into users (email, name, role, email_verified)
    select 'expert' || i || '@bench.example', ${pick(FIRST, "i + 3")} || ' ' || ${pick(LAST, "i / 5")}, 'expert', now()
    from generate_series(0, ${experts - 1}) i`);
  await run(`insert into organizations (legal_name, siren, address_line1, postal_code, city, created_by_id)
    select 'Bench ' || ${pick(["Atelier", "Cabinet", "Association", "Boutique", "SARL"], "n")} || ' ' || n, lpad(((n * 7919) % 1000000000)::text, 9, '0'),
      n || ' rue de la République', '69001', ${pick(CITIES, "n")}, u.id
    from (select id, substring(email from 7 for position('@' in email) - 7)::int as n from users where email like 'client%@bench.example') u`);
  await run(`insert into organization_members (organization_id, user_id, role)
    select o.id, o.created_by_id, 'owner' from organizations o where o.legal_name like 'Bench %'`);
  await run(`create temporary table scale_orgs as select row_number() over (order by legal_name) - 1 as n, id, created_by_id from organizations where legal_name like 'Bench %'`);
  // The board's side rows (trigger jobs_search_entry, migration *_custom_job_search_entries)
  // are filled in one statement after the needs, in the order a year of publications one by one
  // would have appended them: oldest first.
  await run(`alter table jobs disable trigger jobs_search_entry`);
  // Needs: nine in ten open, the most recent first in a year of publications.
  await run(`insert into jobs (organization_id, created_by_id, status, wizard_step, kind, personal_data, budget_type, budget_min_cents, budget_max_cents,
      remote, departement, title, description, confidential_details, published_at, created_at, closed_at)
    select o.id, o.created_by_id,
      (case when i % 10 <> 9 then 'open' when i % 30 = 9 then 'closed' when i % 30 = 19 then 'in_progress' else 'draft' end)::job_status,
      6, ${pick(["installation", "support_one_off", "support_monthly", "training"], "i / 3")}::job_kind, i % 3 = 0, 'fixed',
      100000 + (i % 20) * 50000, 300000 + (i % 20) * 50000, i % 4 = 0, ${pick(DEPARTEMENTS, "i / 11")},
      ${pick(VERBS, "i / 20")} || ' ' || ${pick(SOFTWARE, "i")} || ' ' || ${pick(CONTEXTS, "i / 7")},
      'Nous cherchons un expert pour ' || lower(${pick(VERBS, "i / 20")}) || ' ' || ${pick(SOFTWARE, "i")} || '. Équipe de ' || (5 + i % 40) ||
        ' personnes à ' || case when i % 997 = 0 then 'Quimper' else ${pick(CITIES, "i / 13")} end || ', démarrage souhaité sous un mois.',
      'Accès fourni à la signature.',
      case when i % 10 = 9 and i % 30 not in (9, 19) then null else now() - make_interval(mins => i * 5) end,
      now() - make_interval(mins => i * 5 + 60), case when i % 30 = 9 then now() - make_interval(mins => i * 2) end
    from generate_series(0, ${jobs - 1}) i join scale_orgs o on o.n = i % ${clients}`);
  await run(`alter table jobs enable trigger jobs_search_entry`);
  await run(`insert into job_search_entries (job_id, published_at, kind, remote, departement, budget_max_cents, daily_rate_cap_cents, search)
    select id, published_at, kind, remote, departement, budget_max_cents, daily_rate_cap_cents, search from jobs where status = 'open'
    order by published_at, id on conflict (job_id) do nothing`);
  await run(`create temporary table scale_jobs as select row_number() over (order by created_at desc, id) - 1 as n, id, organization_id, status from jobs`);
  // The triggers that keep each need's liquidity columns (migration 0038_custom_job_liquidity:
  // its families, first bid, bid count, contract) would update a need per row inserted: they are
  // off for the bulk inserts, and the columns are filled in one statement each afterwards. The
  // monthly roll-up (0047_custom_job_liquidity_months) follows that statement through its statement
  // trigger on jobs, once for all the needs.
  await run(`alter table job_software disable trigger job_software_job_liquidity`);
  await run(`insert into job_software (job_id, software_id)
    select j.id, s.id from scale_jobs j join scale_software s on s.n = j.n % (select count(*) from scale_software)`);
  await run(`alter table job_software enable trigger job_software_job_liquidity`);
  // Experts: seven in ten verified.
  await run(`insert into expert_profiles (user_id, slug, display_name, headline, bio, service_kinds, daily_rate_cents, departments, remote_ok,
      status, submitted_at, verified_at, search_text)
    select u.id, 'expert-bench-' || u.n, u.name,
      'Expert ' || ${pick(SOFTWARE, "u.n")} || ' et ' || ${pick(SOFTWARE, "u.n / 20 + 1")},
      'J’accompagne les PME de la région de ' || ${pick(CITIES, "u.n")} || ' : installation, maintenance et formation depuis ' || (3 + u.n % 15) || ' ans.',
      array[${pick(["installation", "support", "training"], "u.n")}]::service_kind[], 40000 + (u.n % 30) * 2000,
      array[${pick(DEPARTEMENTS, "u.n")}], u.n % 3 <> 0,
      (case when u.n % 10 < 7 then 'verified' when u.n % 10 < 9 then 'submitted' else 'draft' end)::verification_status,
      now() - make_interval(days => u.n % 400), case when u.n % 10 < 7 then now() - make_interval(mins => u.n * 7) end,
      concat_ws(' ', u.name, 'Expert ' || ${pick(SOFTWARE, "u.n")} || ' et ' || ${pick(SOFTWARE, "u.n / 20 + 1")},
        'J’accompagne les PME de la région de ' || ${pick(CITIES, "u.n")}, ${pick(SOFTWARE, "u.n")}, ${pick(SOFTWARE, "u.n / 20 + 1")})
    from (select id, name, substring(email from 7 for position('@' in email) - 7)::int as n from users where email like 'expert%@bench.example') u`);
  await run(`create temporary table scale_experts as select row_number() over (order by slug) - 1 as n, id, user_id from expert_profiles where slug like 'expert-bench-%'`);
  await run(`insert into expert_skills (profile_id, software_id, level, years)
    select e.id, s.id, 1 + (e.n + k) % 3, 1 + (e.n * k) % 12 from scale_experts e cross join generate_series(0, 1) k
    join scale_software s on s.n = (e.n * 3 + k * 7) % (select count(*) from scale_software)`);
  await run(`alter table bids disable trigger bids_job_liquidity`);
  await run(`alter table contracts disable trigger contracts_job_liquidity`);
  // Bids: up to three experts per need, never twice the same on one need.
  await run(`insert into bids (job_id, expert_user_id, profile_id, status, pricing, total_cents, duration_days, start_on, method, commission_bps, created_at)
    select j.id, e.user_id, e.id, (case when i < ${contracts} then 'accepted' when i % 7 = 0 then 'declined' else 'submitted' end)::bid_status,
      'fixed', 150000 + (i % 40) * 10000, 5 + i % 30, current_date + 14, 'Installation, recette avec vous puis formation d’une demi-journée.', 1000,
      now() - make_interval(mins => i)
    from generate_series(0, ${bids - 1}) i
    join scale_jobs j on j.n = i % ${jobs}
    join scale_experts e on e.n = (i % ${jobs} + (i / ${jobs}) * 3331) % ${experts}`);
  // Contracts on the first needs' accepted bids, two milestones each, the first one invoiced.
  await run(`insert into contracts (job_id, bid_id, organization_id, expert_user_id, profile_id, status, total_cents, commission_bps, personal_data, facts, activated_at)
    select b.job_id, b.id, j.organization_id, b.expert_user_id, b.profile_id, (case when j.n % 3 = 0 then 'completed' else 'active' end)::contract_status,
      b.total_cents, 1000, false, '{}'::jsonb, now() - make_interval(days => (j.n % 300)::int)
    from bids b join scale_jobs j on j.id = b.job_id where b.status = 'accepted'`);
  await run(`alter table bids enable trigger bids_job_liquidity`);
  await run(`alter table contracts enable trigger contracts_job_liquidity`);
  await run(`update jobs set bid_count = coalesce(b.bids, 0), first_bid_at = b.first_bid_at, contracted_at = c.created_at, software_families = f.families
    from jobs j
      join (select js.job_id, array_agg(distinct cs.category order by cs.category) as families
            from job_software js join catalog_software cs on cs.id = js.software_id group by js.job_id) f on f.job_id = j.id
      left join (select job_id, count(*)::int as bids, min(created_at) as first_bid_at from bids group by job_id) b on b.job_id = j.id
      left join contracts c on c.job_id = j.id
    where jobs.id = j.id`);
  // Those updates left a dead version of most needs: gone, as autovacuum would have done.
  await run(`vacuum jobs`);
  await run(`insert into contract_milestones (contract_id, position, title, amount_cents, due_on, status, released_at)
    select c.id, k, case k when 1 then 'Installation et recette' else 'Formation et documentation' end, c.total_cents / 2, current_date + k * 14,
      (case when k = 1 then 'released' else 'funded' end)::milestone_status, case when k = 1 then now() end
    from contracts c cross join generate_series(1, 2) k`);
  await run(`insert into invoice_series (key, year, last_number)
    select 'BENCH-' || row_number() over (order by m.id), 2026, 1 from contract_milestones m where m.status = 'released'`);
  await run(`insert into invoices (kind, role, number, series_key, year, sequence, issue_date, expert_user_id, organization_id, contract_id, milestone_id,
      ex_vat_cents, vat_cents, incl_vat_cents, payment_reference, document)
    select 'invoice', 'service', 'F-BENCH-' || n || '-2026-0001', 'BENCH-' || n, 2026, 1, current_date, c.expert_user_id, c.organization_id, c.id, m.id,
      m.amount_cents, m.amount_cents / 5, m.amount_cents + m.amount_cents / 5, 'CMP-' || n, '{}'::jsonb
    from (select m.*, row_number() over (order by m.id) as n from contract_milestones m where m.status = 'released') m join contracts c on c.id = m.contract_id`);
  await run(`drop table scale_software, scale_orgs, scale_jobs, scale_experts`);
  await run(`analyze`);
}
