import { randomBytes, randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { demoAccounts } from "@/db/seed/seed";
import { SignInFlow } from "./pages/SignInFlow";
import { baseUrl, e2eEnabled, launchBrowserPerFile, newVisitor, type Visitor } from "./support/browser";

launchBrowserPerFile();

let sql: postgres.Sql;
beforeAll(() => {
  if (e2eEnabled) sql = postgres(inject("e2eDatabaseUrl"), { max: 1, onnotice: () => {} });
});
afterAll(async () => {
  await sql?.end();
});

/** A second admin, signed in the way tests/e2e/security/sessions.ts does: a session row that passed the second factor. */
async function secondAdmin(locale: "fr-FR" | "en-US"): Promise<Visitor> {
  const [admin] = await sql<{ id: string }[]>`
    insert into users (email, name, role, email_verified) values (${`second-admin-${randomBytes(4).toString("hex")}@example.test`}, 'Sabine Seconde', 'admin', now()) returning id`;
  const token = randomUUID();
  await sql`insert into sessions (session_token, user_id, expires, second_factor_method, second_factor_at) values (${token}, ${admin!.id}, now() + interval '2 hours', 'totp', now())`;
  const visitor = await newVisitor(locale);
  await visitor.context.addCookies([{ name: "authjs.session-token", value: token, url: baseUrl }]);
  return visitor;
}

/** Opens the newest email to `email` in the demo mailbox. */
async function openLatestEmail(page: Page, email: string) {
  await page.goto(`${baseUrl}/dev/mailbox?to=${encodeURIComponent(email)}`);
  await page.locator("table tbody tr").first().getByRole("link").first().click();
  return page.frameLocator("iframe");
}

describe.skipIf(!e2eEnabled)("moderation (DSA)", () => {
  it("a visitor reports a need in French; an admin decides in English; the reporter is told", async () => {
    const [job] = await sql<{ id: string }[]>`select id from jobs where status <> 'draft' order by created_at limit 1`;
    const visitor = await newVisitor("fr-FR");
    await visitor.page.goto(`${baseUrl}/jobs/${job!.id}`);
    await visitor.page.getByRole("link", { name: "Signaler ce contenu : besoin" }).click();
    await visitor.page.getByRole("heading", { name: "Signaler un contenu" }).waitFor();
    // Refused with clear messages, nothing typed lost.
    await visitor.page.getByLabel(/Pourquoi ce contenu/).fill("Trop court");
    await visitor.page.getByRole("button", { name: "Envoyer le signalement" }).click();
    await visitor.page.getByText("Cochez la déclaration de bonne foi").first().waitFor();
    expect(await visitor.page.getByLabel(/Pourquoi ce contenu/).inputValue()).toBe("Trop court");
    expect(await visitor.page.getByLabel(/Où exactement/).inputValue()).toBe(`/jobs/${job!.id}`);
    await visitor.screenshot("60-report-form-errors-fr");
    await visitor.page.getByLabel("Motif").selectOption("fraud");
    await visitor.page.getByLabel(/Pourquoi ce contenu/).fill("L'annonce demande un acompte par virement hors plateforme, c'est une escroquerie.");
    await visitor.page.getByLabel("Votre nom").fill("Rita Signalante");
    await visitor.page.getByLabel("Votre adresse e-mail").fill("rita.signalante@example.test");
    await visitor.page.getByLabel(/Je déclare de bonne foi/).check();
    await visitor.screenshot("61-report-form-fr");
    await visitor.page.getByRole("button", { name: "Envoyer le signalement" }).click();
    await visitor.page.getByRole("heading", { name: "Signalement envoyé" }).waitFor();

    const admin = await newVisitor("en-US");
    await new SignInFlow(admin.page).signIn(demoAccounts.admin.email, "/admin/reports");
    await admin.page.waitForURL(/\/admin\/reports/);
    const card = admin.page.getByRole("article").filter({ hasText: "rita.signalante@example.test" });
    await card.getByText("c'est une escroquerie").waitFor();
    await card.getByText("Content in context").waitFor();
    await admin.screenshot("62-admin-reports-en");
    await card.getByLabel("Decision", { exact: true }).selectOption("kept");
    await card.getByLabel(/^Reasons/).fill("The deposit is the first milestone, paid through the platform's escrow.");
    await card.getByRole("button", { name: "Record the decision" }).click();
    await admin.page.getByText("rita.signalante@example.test").waitFor({ state: "detached" });

    const email = await openLatestEmail(visitor.page, "rita.signalante@example.test");
    await email.getByText("Décision : contenu maintenu").waitFor();
    await email.getByText("paid through the platform's escrow").waitFor();
    await visitor.context.close();
    await admin.context.close();
  });

  it("a suspended person contests in French through the emailed link; the deciding admin may not answer; a second admin reverses it", async () => {
    const address = `contested-${randomBytes(4).toString("hex")}@example.test`;
    await sql`insert into users (email, name, role, email_verified) values (${address}, 'Camille Contestataire', 'client', now())`;

    const admin = await newVisitor("en-US");
    await new SignInFlow(admin.page).signIn(demoAccounts.admin.email, "/admin");
    const row = admin.page.getByRole("row").filter({ hasText: address });
    await row.getByRole("button", { name: "Suspend" }).click();
    await row.getByText("Explain the reason in a few words").waitFor();
    await row.getByLabel(/Reason/).fill("Annonces trompeuses répétées");
    await row.getByRole("button", { name: "Suspend" }).click();
    await row.getByText("Account suspended").waitFor();

    const person = await newVisitor("fr-FR");
    const email = await openLatestEmail(person.page, address);
    await email.getByText("Annonces trompeuses répétées").waitFor();
    await email.getByRole("link", { name: "Voir la décision" }).waitFor();
    await person.page.getByTestId("email-link").filter({ hasText: "/decisions/" }).first().click();
    await person.page.waitForURL(/\/decisions\/[0-9a-f-]+\?key=/);
    await person.page.getByRole("heading", { name: "Exposé des motifs" }).waitFor();
    await person.page.getByText("compte suspendu").waitFor();
    await person.page.getByText("Non : décision prise par une personne").waitFor();
    await person.screenshot("63-decision-fr");
    await person.page.getByLabel("Votre réclamation").fill("Ces annonces n'étaient pas trompeuses : les prix affichés sont ceux du devis signé.");
    await person.page.getByRole("button", { name: "Envoyer la réclamation" }).click();
    await person.page.getByText(/Réclamation envoyée le/).waitFor();

    // The admin who suspended may not decide the complaint.
    await admin.page.goto(`${baseUrl}/admin/reports`);
    const complaint = admin.page.getByRole("article").filter({ hasText: "les prix affichés sont ceux du devis signé" });
    await complaint.getByLabel("Outcome").selectOption("reversed");
    await complaint.getByLabel("Reasoned answer").fill("The quotes match the published prices.");
    await complaint.getByRole("button", { name: "Decide the complaint" }).click();
    await complaint.getByText("A different admin than the one who took the decision must decide this complaint.").first().waitFor();
    expect(await complaint.getByLabel("Reasoned answer").inputValue()).toBe("The quotes match the published prices.");

    const second = await secondAdmin("fr-FR");
    await second.page.goto(`${baseUrl}/admin/reports`);
    const again = second.page.getByRole("article").filter({ hasText: "les prix affichés sont ceux du devis signé" });
    await again.getByLabel("Issue").selectOption("reversed");
    await again.getByLabel("Réponse motivée").fill("Les devis signés confirment les prix publiés : la suspension est levée.");
    await second.screenshot("64-admin-complaint-fr");
    await again.getByRole("button", { name: "Trancher la réclamation" }).click();
    await again.waitFor({ state: "detached" });

    const [after] = await sql<{ suspended_at: Date | null }[]>`select suspended_at from users where email = ${address}`;
    expect(after?.suspended_at).toBeNull();
    await person.page.reload();
    await person.page.getByText(/Cette décision a été annulée le/).waitFor();
    await person.page.getByText("la suspension est levée").waitFor();
    await person.screenshot("65-decision-reversed-fr");
    for (const v of [admin, person, second]) await v.context.close();
  });

  it("an admin reinstates a suspended account by hand: the decision is marked reversed for the person, in English", async () => {
    const address = `reinstated-${randomBytes(4).toString("hex")}@example.test`;
    await sql`insert into users (email, name, role, email_verified, locale) values (${address}, 'Robin Reinstated', 'client', now(), 'en')`;
    const admin = await newVisitor("en-US");
    await new SignInFlow(admin.page).signIn(demoAccounts.admin.email, "/admin");
    const row = admin.page.getByRole("row").filter({ hasText: address });
    await row.getByLabel(/Reason/).fill("Payment disputed by the bank");
    await row.getByRole("button", { name: "Suspend" }).click();
    await row.getByText("Account suspended").waitFor();
    await admin.page.reload();
    await row.getByLabel(/Reason/).fill("The bank confirmed the payment");
    await row.getByRole("button", { name: "Reinstate" }).click();
    await row.getByText("Account reinstated.").waitFor();

    // The person reads the decision through the first email's link: reversed by an administrator.
    const person = await newVisitor("en-US");
    const lifted = await openLatestEmail(person.page, address);
    await lifted.getByText("The bank confirmed the payment").waitFor();
    await lifted.getByText("Restriction lifted: account suspended").waitFor();
    await person.page.getByTestId("email-link").filter({ hasText: "/decisions/" }).first().click();
    // The link has no key: the reinstated person signs in to read it.
    await person.page.waitForURL(/\/signin\?callbackUrl=%2Fdecisions%2F/);
    await new SignInFlow(person.page).signIn(address, new URL(person.page.url()).searchParams.get("callbackUrl") ?? "/");
    await person.page.waitForURL(/\/decisions\/[0-9a-f-]+$/);
    await person.page.getByText(/An administrator lifted this restriction on/).waitFor();
    await person.screenshot("66-decision-reinstated-en");
    const [statement] = await sql<{ reversal: string | null }[]>`
      select s.reversal from statements_of_reasons s join users u on u.id = s.user_id where u.email = ${address}`;
    expect(statement?.reversal).toBe("reinstated");
    for (const v of [admin, person]) await v.context.close();
  });

  const reporterText = {
    fr: {
      heading: "Votre signalement",
      kept: /Décision du .* : contenu maintenu/,
      label: "Pourquoi contestez-vous cette décision ?",
      submit: "Envoyer la réclamation",
      short: "Expliquez votre réclamation en au moins 20 caractères.",
      sent: /Réclamation envoyée le/,
      complaint: "Ce n'est pas un acompte : l'annonce exige un virement direct avant toute mission.",
      newOutcome: "Nouvelle décision sur le contenu : contenu retiré",
    },
    en: {
      heading: "Your report",
      kept: /Decision of .*: content kept/,
      label: "Why do you contest this decision?",
      submit: "Send the complaint",
      short: "Explain your complaint in at least 20 characters.",
      sent: /Complaint sent on/,
      complaint: "This is no deposit: the listing demands a direct bank transfer before any work.",
      newOutcome: "New decision on the content: content removed",
    },
  } as const;

  it.each(["fr", "en"] as const)("a reporter (%s) contests a kept decision through the emailed link; the deciding admin may not answer; a second admin reverses it and the need is removed", async (lang) => {
    const text = reporterText[lang];
    const tag = randomBytes(4).toString("hex");
    // A need of its own (a copy of a demo need), so that removing it leaves the other files' data alone.
    const columns = await sql<{ name: string }[]>`select column_name as name from information_schema.columns
      where table_schema = 'public' and table_name = 'jobs' and is_generated = 'NEVER' and column_name not in ('id', 'title')`;
    const list = columns.map((c) => `"${c.name}"`).join(", ");
    const [job] = await sql.unsafe<{ id: string }[]>(`insert into jobs (${list}, title) select ${list}, $1 from jobs where status <> 'draft' order by created_at limit 1 returning id`, [
      `Contested need ${tag}`,
    ]);
    const reporterEmail = `notifier-${lang}-${tag}@example.test`;
    await sql`insert into content_reports (target_type, target_id, reason, explanation, location, reporter_name, reporter_email, locale, good_faith)
      values ('job', ${job!.id}, 'fraud', ${`Virement direct exigé hors plateforme ${tag}.`}, ${`/jobs/${job!.id}`}, 'Noa Notifier', ${reporterEmail}, ${lang}, true)`;

    // The demo admin keeps the content (in English).
    const admin = await newVisitor("en-US");
    await new SignInFlow(admin.page).signIn(demoAccounts.admin.email, "/admin/reports");
    const card = admin.page.getByRole("article").filter({ hasText: reporterEmail });
    await card.getByLabel("Decision", { exact: true }).selectOption("kept");
    await card.getByLabel(/^Reasons/).fill("The deposit is the first milestone, paid through the platform's escrow.");
    await card.getByRole("button", { name: "Record the decision" }).click();
    await card.waitFor({ state: "detached" });

    // The reporter, an anonymous visitor, follows the emailed link (its key) and contests.
    const reporter = await newVisitor(lang === "fr" ? "fr-FR" : "en-US");
    await openLatestEmail(reporter.page, reporterEmail);
    await reporter.page.getByTestId("email-link").filter({ hasText: "/reports/" }).first().click();
    await reporter.page.waitForURL(/\/reports\/[0-9a-f-]+\?key=/);
    await reporter.page.getByRole("heading", { level: 1, name: text.heading }).waitFor();
    await reporter.page.getByText(text.kept).waitFor();
    await reporter.page.getByText("paid through the platform's escrow").waitFor();
    await reporter.page.getByLabel(text.label).fill("Trop court");
    await reporter.page.getByRole("button", { name: text.submit }).click();
    await reporter.page.getByText(text.short).first().waitFor();
    expect(await reporter.page.getByLabel(text.label).inputValue()).toBe("Trop court");
    await reporter.screenshot(`${lang}-67-report-complaint-errors`);
    await reporter.page.getByLabel(text.label).fill(text.complaint);
    await reporter.page.getByRole("button", { name: text.submit }).click();
    await reporter.page.getByText(text.sent).waitFor();

    // The admin who kept it may not decide the complaint.
    await admin.page.goto(`${baseUrl}/admin/reports`);
    const own = admin.page.getByRole("article").filter({ hasText: text.complaint });
    await own.getByLabel("Outcome").selectOption("reversed");
    await own.getByLabel("New decision on the content (if the decision is reversed)").selectOption("removed");
    await own.getByLabel("Ground (for a removal or restriction)").selectOption("terms_payment");
    await own.getByLabel("Reasoned answer").fill("A direct transfer outside the platform breaches the terms.");
    await own.getByRole("button", { name: "Decide the complaint" }).click();
    await own.getByText("A different admin than the one who took the decision must decide this complaint.").first().waitFor();

    // A second admin (in French) reverses it: the need is removed.
    const second = await secondAdmin("fr-FR");
    await second.page.goto(`${baseUrl}/admin/reports`);
    const again = second.page.getByRole("article").filter({ hasText: text.complaint });
    await again.getByLabel("Issue").selectOption("reversed");
    await again.getByLabel("Réponse motivée").fill("Le virement direct exigé contourne la plateforme : l'annonce est retirée.");
    await again.getByRole("button", { name: "Trancher la réclamation" }).click();
    // Refused without the new decision and its ground, what was typed kept.
    await again.getByText("Choisissez la nouvelle décision : retirer ou restreindre le contenu.").first().waitFor();
    expect(await again.getByLabel("Réponse motivée").inputValue()).toContain("l'annonce est retirée");
    await again.getByLabel("Nouvelle décision sur le contenu (si la décision est annulée)").selectOption("removed");
    await again.getByLabel("Fondement (en cas de retrait ou de restriction)").selectOption("terms_payment");
    await second.screenshot(`${lang}-68-admin-reporter-complaint-fr`);
    await again.getByRole("button", { name: "Trancher la réclamation" }).click();
    await again.waitFor({ state: "detached" });

    const [moderated] = await sql<{ visibility: string }[]>`select visibility::text from moderated_content where target_type = 'job' and target_id = ${job!.id}`;
    expect(moderated?.visibility).toBe("removed");
    const [statement] = await sql<{ restriction: string }[]>`select restriction::text from statements_of_reasons where subject_id = ${job!.id}`;
    expect(statement?.restriction).toBe("content_removed");

    await reporter.page.reload();
    await reporter.page.getByText("l'annonce est retirée").waitFor();
    await reporter.page.getByText(text.newOutcome).waitFor();
    await reporter.screenshot(`${lang}-69-report-complaint-answered`);
    for (const v of [admin, reporter, second]) await v.context.close();
  });

  it.each([
    { lang: "fr", locale: "fr-FR", link: "Voir mes signalements", heading: "Mes signalements", state: "en cours d’examen", open: "Voir le signalement", page: "Votre signalement" },
    { lang: "en", locale: "en-US", link: "See my reports", heading: "My reports", state: "under review", open: "See the report", page: "Your report" },
  ] as const)("a signed-in reporter ($lang) finds their report under Mes signalements and opens its page", async ({ lang, locale, link, heading, state, open, page }) => {
    const tag = randomBytes(4).toString("hex");
    const [person] = await sql<{ id: string }[]>`
      insert into users (email, name, role, email_verified, locale) values (${`my-reports-${tag}@example.test`}, 'Rémi Rapporteur', 'client', now(), ${lang}) returning id`;
    const [job] = await sql<{ id: string }[]>`select id from jobs where status <> 'draft' order by created_at limit 1`;
    const [report] = await sql<{ id: string }[]>`insert into content_reports (target_type, target_id, reason, explanation, location, reporter_id, reporter_name, reporter_email, locale, good_faith)
      values ('job', ${job!.id}, 'fraud', ${`Virement direct exigé ${tag}.`}, ${`/jobs/${job!.id}`}, ${person!.id}, 'Rémi Rapporteur', ${`my-reports-${tag}@example.test`}, ${lang}, true) returning id`;
    const token = randomUUID();
    await sql`insert into sessions (session_token, user_id, expires) values (${token}, ${person!.id}, now() + interval '2 hours')`;
    const visitor = await newVisitor(locale);
    await visitor.context.addCookies([{ name: "authjs.session-token", value: token, url: baseUrl }]);
    await visitor.page.goto(`${baseUrl}/account`);
    await visitor.page.getByRole("link", { name: link }).click();
    await visitor.page.waitForURL(/\/account\/reports$/);
    await visitor.page.getByRole("heading", { level: 1, name: heading }).waitFor();
    const row = visitor.page.getByRole("row").filter({ hasText: state });
    expect(await row.count()).toBe(1);
    await visitor.screenshot(`${lang}-70-my-reports`);
    await row.getByRole("link", { name: new RegExp(open) }).click();
    await visitor.page.waitForURL(new RegExp(`/reports/${report!.id}$`));
    await visitor.page.getByRole("heading", { level: 1, name: page }).waitFor();
    await visitor.context.close();
  });
});
