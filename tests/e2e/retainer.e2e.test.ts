import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { demoAccounts } from "@/db/seed/seed";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { postNeed, sendBid } from "./pages/JobFlows";
import { SignInFlow } from "./pages/SignInFlow";
import { baseUrl, e2eEnabled, foreignRequests, launchBrowserPerFile, newVisitor } from "./support/browser";

launchBrowserPerFile();

let sql: postgres.Sql | null = null;
beforeAll(() => {
  if (e2eEnabled) sql = postgres(inject("e2eDatabaseUrl"), { max: 1, onnotice: () => {} });
});
afterAll(async () => {
  await sql?.end();
});

const runs = [
  { lang: "fr", locale: "fr-FR", t: fr, title: "Maintenir notre serveur Odoo chaque mois" },
  { lang: "en", locale: "en-US", t: en, title: "Look after our Odoo server every month" },
] as const;

const before = (template: string, placeholder: string) => template.slice(0, template.indexOf(placeholder));

/** The month's status once the running worker has done what the billing task asked (bounded: 60 checks). */
async function monthStatusBecomes(contractId: string, periodIndex: number, status: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const rows = await sql!<{ status: string }[]>`select status::text from retainer_months where contract_id = ${contractId} order by period_start offset ${periodIndex} limit 1`;
    if (rows[0]?.status === status) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`month ${periodIndex} of ${contractId} never became ${status}`);
}

/**
 * Moves the retainer's clock: its first month is made to start `daysAgo` days ago (Paris dates
 * computed by PostgreSQL), as if that time had passed, then the billing task runs at once in the app's worker.
 */
async function monthStartedDaysAgo(contractId: string, daysAgo: number, key: string): Promise<void> {
  await sql!`update retainers set starts_on = (now() at time zone 'Europe/Paris')::date - ${daysAgo}::int where contract_id = ${contractId}`;
  await sql!`update retainer_months set period_start = (now() at time zone 'Europe/Paris')::date - ${daysAgo}::int,
    period_end = ((now() at time zone 'Europe/Paris')::date - ${daysAgo}::int + interval '1 month' - interval '1 day')::date
    where contract_id = ${contractId}`;
  await sql!`select graphile_worker.add_job('retainer_billing', '{}'::json, job_key := ${key})`;
}

describe.skipIf(!e2eEnabled).each(runs)("one month of a support retainer ($lang)", ({ lang, locale, t, title }) => {
  it("the expert states the service level, the client compares and accepts, the month is charged, closed, paid to the expert and invoiced", async () => {
    const rt = t.retainers;
    const c = t.contracts;
    const client = await newVisitor(locale);
    const page = client.page;
    await new SignInFlow(page).signIn(demoAccounts.clientOwner.email);
    await page.waitForURL(/\/dashboard/);
    const jobPath = await postNeed(page, t, {
      kind: "support_monthly",
      title,
      description: "Notre serveur Odoo doit être mis à jour, sauvegardé et surveillé chaque mois, avec une réponse rapide en cas de panne.",
      secret: "Serveur : odoo.interne",
    });

    // The expert bids, then states the service level: the bid's price becomes the monthly fee.
    const sophie = await newVisitor(locale);
    const sp = sophie.page;
    await new SignInFlow(sp).signIn(demoAccounts.expertSophie.email, jobPath);
    await sendBid(sp, t, jobPath, {
      total: "450",
      milestone: "Mois 1",
      method: "Mises à jour mensuelles d’Odoo et du système, sauvegardes vérifiées chaque semaine, supervision, et une réponse en quatre heures ouvrées en cas de panne.",
    });
    await sp.getByRole("link", { name: rt.editTerms }).click();
    await sp.waitForURL(/\/bid\/retainer$/);
    await sp.getByLabel(rt.monthlyFee).fill("450");
    await sp.getByLabel(rt.hoursIncluded).fill("6");
    await sp.getByLabel(rt.extraHour).fill("90");
    await sp.getByLabel(rt.coveredSoftware).fill("Odoo\nPostgreSQL");
    await sp.getByLabel(rt.coveredHosts).fill("odoo.example.fr");
    await sp.getByRole("button", { name: rt.saveTerms }).click();
    await sp.getByText(rt.termsSaved).waitFor();
    await sophie.screenshot(`${lang}-93-retainer-terms`);

    // The client compares the service levels and accepts the bid.
    await page.goto(`${baseUrl}${jobPath}/bids`);
    await page.getByRole("table", { name: rt.compareCaption }).waitFor();
    await page.getByRole("rowheader", { name: rt.fact_critical }).waitFor();
    await client.screenshot(`${lang}-94-retainer-comparison`);
    const card = page.getByRole("listitem").filter({ has: page.getByRole("button", { name: c.acceptBidButton }) }).filter({ hasText: demoAccounts.expertSophie.name });
    await card.getByLabel(new RegExp(before(c.acceptBidConfirm, "{expert}"))).check();
    await card.getByRole("button", { name: c.acceptBidButton }).click();
    await page.waitForURL(/\/contracts\/[0-9a-f-]+$/);
    const contractPath = new URL(page.url()).pathname;
    const contractId = contractPath.split("/").pop() ?? "";

    // Both sides accept the documents; the NDA carries the service level.
    const acceptAll = async (p: typeof page) => {
      for (const kind of ["nda", "dpa"] as const) {
        await p.goto(`${baseUrl}${contractPath}`);
        await p.getByRole("listitem").filter({ hasText: c[`document_${kind}`] }).getByRole("link", { name: c.readAndAccept }).click();
        if (kind === "nda") await p.getByText(lang === "fr" ? "Annexe – Niveau de service du support mensuel" : "Schedule – Service level of the monthly support").first().waitFor();
        await p.getByLabel(new RegExp(before(c[`confirm_${kind}`], "{party}"))).check();
        await p.getByRole("button", { name: c.acceptButton }).click();
        await p.getByText(c.youAccepted).waitFor();
      }
    };
    await acceptAll(page);
    await acceptAll(sp);

    // The client signs the SEPA mandate on the setup page (test mode's stand-in for Stripe
    // Checkout in setup mode); once its event is processed, the first month is charged off-session.
    await page.goto(`${baseUrl}${contractPath}`);
    await page.getByRole("heading", { name: rt.contractHeading, exact: true }).waitFor();
    await page.getByRole("button", { name: rt.savePaymentMethod_sepa_debit }).click();
    await page.waitForURL(/\/pay\/test\/setup\//);
    await client.screenshot(`${lang}-95a-retainer-mandate-page`);
    await page.getByRole("button", { name: t.testMode.setupSave_sepa_debit }).click();
    await page.waitForURL(new RegExp(`${contractPath}\\?setup=`));
    for (let i = 0; i < 30 && !(await page.getByText(rt.paymentMethod_sepa_debit).isVisible()); i++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await page.reload();
    }
    await page.getByText(rt.paymentMethod_sepa_debit).waitFor();
    await monthStartedDaysAgo(contractId, 0, `e2e-retainer-charge-${lang}`);
    await monthStatusBecomes(contractId, 0, "held");
    await page.reload();
    await page.getByText(rt.monthStatus_held, { exact: false }).first().waitFor();
    await client.screenshot(`${lang}-95-retainer-month-charged`);

    // A month later: the month closes, the expert is paid net of commission, the invoice is issued.
    await monthStartedDaysAgo(contractId, 40, `e2e-retainer-close-${lang}`);
    await monthStatusBecomes(contractId, 0, "released");
    const transfers = await sql!<{ n: number }[]>`select count(*)::int as n from transfers t join retainer_months m on m.milestone_id = t.milestone_id where m.contract_id = ${contractId}`;
    expect(transfers[0]?.n).toBe(1);
    const issued = await sql!<{ role: string }[]>`select i.role::text from invoices i join retainer_months m on m.milestone_id = i.milestone_id where m.contract_id = ${contractId} order by i.role`;
    expect(issued.map((i) => i.role).sort()).toEqual(["commission", "service"]);
    await page.reload();
    await page.getByText(rt.monthStatus_released, { exact: false }).first().waitFor();
    await client.screenshot(`${lang}-96-retainer-month-closed`);

    // The client proposes a new plan on the plan page; the expert accepts it: it applies from the next month not opened.
    const rp = t.retainerPlan;
    await page.getByRole("link", { name: rp.link }).click();
    await page.waitForURL(/\/plan$/);
    await page.getByLabel(rp.monthlyFeeLabel).fill("abc");
    await page.getByRole("button", { name: rp.propose }).click();
    await page.getByText(t.validation.amount).first().waitFor();
    expect(await page.getByLabel(rp.monthlyFeeLabel).inputValue()).toBe("abc");
    await page.getByLabel(rp.monthlyFeeLabel).fill("600");
    await page.getByLabel(rp.hoursIncludedLabel).fill("10");
    await page.getByRole("button", { name: rp.propose }).click();
    await page.getByRole("heading", { name: rp.pendingHeading }).waitFor();
    await client.screenshot(`${lang}-97-retainer-plan-proposed`);
    await sp.goto(`${baseUrl}${contractPath}/plan`);
    await sp.getByRole("button", { name: rp.accept }).click();
    await sp.getByRole("table", { name: rp.historyCaption }).getByRole("rowheader").first().waitFor();
    await sophie.screenshot(`${lang}-98-retainer-plan-accepted`);

    // Extra hours submitted for the first month: the client refuses them, a reason required.
    await sql!`insert into retainer_extra_hours (contract_id, retainer_month_id, period_start, minutes, extra_hour_cents, amount_cents, auto_approve_at)
      select contract_id, id, period_start, 90, extra_hour_cents, 13500, now() + interval '7 days' from retainer_months where contract_id = ${contractId} order by period_start limit 1`;
    const [first] = await sql!<{ periodStart: string }[]>`select period_start::text as "periodStart" from retainer_months where contract_id = ${contractId} order by period_start limit 1`;
    await page.goto(`${baseUrl}${contractPath}/tickets/months/${first?.periodStart}`);
    await page.getByRole("button", { name: t.tickets.refuseExtra }).click();
    await page.getByText(t.validation.ticketRefusalReason).first().waitFor();
    await client.screenshot(`${lang}-99-extra-hours-refusal-form`);
    await page.getByLabel(t.tickets.refusalReasonLabel).fill("Ces heures concernent une demande hors périmètre.");
    await page.getByRole("button", { name: t.tickets.refuseExtra }).click();
    await page.getByText("Ces heures concernent une demande hors périmètre.", { exact: false }).waitFor();
    await sp.goto(`${baseUrl}${contractPath}/tickets/months/${first?.periodStart}`);
    await sp.getByRole("link", { name: t.tickets.disputeMonth }).waitFor();
    await sophie.screenshot(`${lang}-99-extra-hours-refused-expert`);

    for (const v of [client, sophie]) expect(foreignRequests(v)).toEqual([]);
    for (const v of [client, sophie]) await v.context.close();
  });
});
