/**
 * The admin's "Background jobs" page on the real app: a failed email (its delivery job failed for
 * good) is listed in French and in English, in a table with a caption, and is retried from the
 * keyboard; the demo's worker then delivers it.
 */
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { demoAccounts } from "@/db/seed/seed";
import { SignInFlow } from "./pages/SignInFlow";
import { baseUrl, e2eEnabled, foreignRequests, launchBrowserPerFile, newVisitor } from "./support/browser";

launchBrowserPerFile();

let sql: postgres.Sql | undefined;
beforeAll(() => {
  if (e2eEnabled) sql = postgres(inject("e2eDatabaseUrl"), { max: 1, onnotice: () => {} });
});
afterAll(async () => {
  await sql?.end({ timeout: 5 });
});

/** An email as the worker leaves it after its last failed attempt: outbox row and job both failed. */
async function failedEmail(to: string): Promise<string> {
  if (!sql) throw new Error("no database");
  // One transaction: the live worker hears of the job only once it has failed for good.
  return sql.begin(async (tx) => {
    const [row] = await tx<{ id: string }[]>`
      insert into email_outbox (idempotency_key, template, locale, to_address, subject, html, text, status, attempts, last_error)
      values (${`e2e-background:${to}`}, 'expert-decision', 'fr', ${to}, 'Votre profil', '<p>corps</p>', 'corps', 'failed', 12,
        'internal_server_error: Resend is having a bad day (key re_live_abcdefghijklmnopqrstuvwxyz0123)')
      returning id`;
    const id = row?.id ?? "";
    const [job] = await tx<{ id: string }[]>`select id::text from graphile_worker.add_job('deliver_email', ${tx.json({ outboxId: id })}::json, job_key := ${`email:${id}`}, max_attempts := 12)`;
    await tx`select graphile_worker.permanently_fail_jobs(array[${job?.id ?? "0"}::bigint], 'EmailDeliveryError: not delivered')`;
    return id;
  });
}

describe.skipIf(!e2eEnabled)("background jobs page", () => {
  it("lists a failed email and its job in French and English; Retry by keyboard, the worker delivers it", async () => {
    const emailId = await failedEmail("jobs.page@example.test");
    const admin = await newVisitor("fr-FR");
    await new SignInFlow(admin.page).signIn(demoAccounts.admin.email, "/admin");
    await admin.page.waitForURL(/\/admin/);
    await admin.page.getByRole("link", { name: "Tâches de fond" }).click();
    await admin.page.waitForURL(`${baseUrl}/admin/background`);
    await admin.page.getByRole("heading", { level: 1, name: "Tâches de fond" }).waitFor();
    const emails = admin.page.getByRole("table", { name: /emails? non remis/ });
    const row = emails.getByRole("row").filter({ hasText: "jobs.page@example.test" });
    await row.getByText("En échec (essais épuisés)").waitFor();
    expect(await row.textContent()).toContain("Resend is having a bad day (key […])");
    expect(await admin.page.getByRole("table", { name: /tâches? en échec ou bloquées?/ }).getByRole("row").filter({ hasText: "deliver_email" }).count()).toBeGreaterThan(0);
    await admin.screenshot("50-admin-background-fr");

    await admin.context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseUrl }]);
    await admin.page.reload();
    await admin.page.getByRole("heading", { level: 1, name: "Background jobs" }).waitFor();
    const enRow = admin.page.getByRole("table", { name: /undelivered emails?/ }).getByRole("row").filter({ hasText: "jobs.page@example.test" });
    await enRow.getByText("Failed (attempts used up)").waitFor();
    await admin.screenshot("51-admin-background-en");

    // Keyboard only: focus the row's Retry button, press Enter.
    const retry = enRow.getByRole("button", { name: /^Retry — email expert-decision/ });
    await retry.focus();
    await admin.page.keyboard.press("Enter");
    await enRow.getByText("Retried: the worker takes it now. Reload the page to see where it stands.").waitFor();
    const db = sql;
    if (!db) throw new Error("no database");
    await expect.poll(async () => (await db<{ status: string }[]>`select status from email_outbox where id = ${emailId}`)[0]?.status, { timeout: 60_000 }).toBe("stored");
    await admin.page.reload();
    await admin.page.getByRole("heading", { level: 1, name: "Background jobs" }).waitFor();
    expect(await admin.page.getByText("jobs.page@example.test").count()).toBe(0);
    expect(foreignRequests(admin)).toEqual([]);
    await admin.context.close();
  });
});
