/**
 * What a security tester sent to the built app (issue 10 §4): none of it may answer 500.
 * Query strings and paths with NUL or invalid UTF-8, malformed server action calls, a 5 MB form
 * field, and evidence files at, just over and well over the 10 MB limit.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import { MAX_EVIDENCE_BYTES } from "@/lib/http/request-limits";
import { SignInFlow } from "./pages/SignInFlow";
import { baseUrl, e2eEnabled, launchBrowserPerFile, newVisitor } from "./support/browser";

launchBrowserPerFile();

/** The sign-in form's action, as the page writes it for browsers without JavaScript. */
let signInActionId = "";
beforeAll(async () => {
  if (!e2eEnabled) return;
  const html = await (await fetch(`${baseUrl}/signin`)).text();
  signInActionId = /name="\$ACTION_1:0" value="\{&quot;id&quot;:&quot;([0-9a-f]+)&quot;/.exec(html)?.[1] ?? "";
  expect(signInActionId).not.toBe("");
});

const callAction = (body: BodyInit, contentType?: string) =>
  fetch(`${baseUrl}/signin`, { method: "POST", headers: { "Next-Action": signInActionId, ...(contentType ? { "Content-Type": contentType } : {}) }, body });

/** A JavaScript call of the sign-in action with these form fields (React's multipart encoding: `_1_` for the form "$K1"). */
function signInCall(fields: Record<string, string>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(`_1_${name}`, value);
  form.append("0", JSON.stringify([{ status: "idle" }, "$K1"]));
  return callAction(form);
}

describe.skipIf(!e2eEnabled)("hostile query strings and paths", () => {
  it.each(["/jobs?q=%00", "/jobs?software=%00", "/experts?q=%00", "/experts?software=%00", "/dev/mailbox?to=%00", "/jobs?q=%FF", "/experts?q=%C3%28", "/jobs?q=a%00b&kind=%00"])(
    "%s is the page without that filter",
    async (path) => {
      const response = await fetch(`${baseUrl}${path}`);
      expect(response.status).toBe(200);
    },
  );

  it("a sign-in link with a NUL is an invalid link, not an Auth.js configuration error", async () => {
    const response = await fetch(`${baseUrl}/api/auth/callback/email?token=%00&email=a%00%40b.fr`, { redirect: "manual" });
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe(`${baseUrl}/signin/error?error=Verification`);
  });

  it.each(["/experts/%FF", "/jobs/%FF", "/jobs/%FF/bids", "/invitations/%FF", "/api/evidence/%FF", "/dev/mailbox/%FF", "/experts/%00"])("%s is a 400, not a 500", async (path) => {
    const response = await fetch(`${baseUrl}${path}`, { redirect: "manual" });
    expect(response.status).toBe(400);
  });
});

describe.skipIf(!e2eEnabled)("malformed server action calls", () => {
  it.each([
    ["garbage", "garbage{", "text/plain;charset=UTF-8"],
    ["JSON that is not an argument list", '{"a":1}', "text/plain;charset=UTF-8"],
  ])("%s: 400, no stack", async (_what, body, type) => {
    const response = await callAction(body, type);
    expect(response.status).toBe(400);
    expect(await response.text()).not.toMatch(/\bat .*\.js|Error:/);
  });

  it("a multipart call without its argument list, or cut short: 400", async () => {
    const noRoot = new FormData();
    noRoot.append("_1_email", "a@b.fr");
    expect((await callAction(noRoot)).status).toBe(400);
    const cut = "--XX\r\nContent-Disposition: form-data; name=\"0\"\r\n\r\n[1,2";
    expect((await callAction(cut, "multipart/form-data; boundary=XX")).status).toBe(400);
  });

  it("a form posted without JavaScript with broken action fields: 400", async () => {
    const form = new FormData();
    form.append("$ACTION_REF_1", "");
    form.append("$ACTION_1:0", JSON.stringify({ id: signInActionId, bound: "$@1" }));
    form.append("$ACTION_1:1", "garbage");
    form.append("email", "a@b.fr");
    expect((await fetch(`${baseUrl}/signin`, { method: "POST", body: form, redirect: "manual" })).status).toBe(400);
  });

  it.each([
    ["no form data at all", "[]"],
    ["text where the form data should be", '[{"status":"idle"},"hello"]'],
    ["the form data in the wrong place", '["$K1"]'],
  ])("%s: the form's own answer, not a 500", async (_what, body) => {
    const response = await callAction(body, "text/plain;charset=UTF-8");
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain("common.invalidRequest");
    expect(text).not.toMatch(/\bat .*\.js/);
  });

  it("a NUL or an invalid UTF-8 byte in a form field gets the usual refusal", async () => {
    const response = await signInCall({ email: "claire\u0000@boulangerie-martin.example" });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain("common.invalidCharacters");
    expect(text).not.toContain("\\u0000");
    const raw = Buffer.concat([
      Buffer.from('--XX\r\nContent-Disposition: form-data; name="_1_email"\r\n\r\nclaire'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('@boulangerie-martin.example\r\n--XX\r\nContent-Disposition: form-data; name="0"\r\n\r\n[{"status":"idle"},"$K1"]\r\n--XX--\r\n'),
    ]);
    const invalid = await callAction(raw, "multipart/form-data; boundary=XX");
    expect(invalid.status).toBe(200);
    expect(await invalid.text()).toContain("common.invalidCharacters");
  });

  it("a 5 MB field is refused and echoed back at most 10,000 characters long", async () => {
    const response = await signInCall({ email: `${"a".repeat(5 * 1024 * 1024)}@b.fr`, callbackUrl: "/".repeat(5 * 1024 * 1024) });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain("emailInvalid");
    expect(text.length).toBeLessThan(30_000);
  });
});

/** A PDF of exactly `bytes` bytes on disk (Chromium reads big files from disk much faster than from a buffer). */
const files = mkdtempSync(path.join(os.tmpdir(), "compagnon-e2e-hostile-"));
const pdf = (name: string, bytes: number) => {
  const buffer = Buffer.alloc(bytes, 0x20);
  buffer.write("%PDF-1.4\n", 0, "latin1");
  const file = path.join(files, name);
  writeFileSync(file, buffer);
  return file;
};

async function newExpertOnProfile(page: Page) {
  const email = `hostile.${Date.now()}@example.test`;
  await new SignInFlow(page).signIn(email, "/onboarding");
  await page.waitForURL(/\/onboarding/);
  await page.getByLabel(en.onboarding.name).fill("Hostile Tester");
  await page.getByLabel(en.onboarding.expert).check();
  await page.getByRole("button", { name: en.onboarding.continue }).click();
  await page.waitForURL(/\/dashboard/);
  await page.goto(`${baseUrl}/expert/profile`);
}

describe.skipIf(!e2eEnabled)("evidence at the 10 MB limit", () => {
  it("a file at the limit is kept, one byte over gets the form's message, a bigger body a 413; file names lose their bidi controls", async () => {
    const m = en.expertProfile;
    const visitor = await newVisitor("en-US");
    await newExpertOnProfile(visitor.page);

    // Without JavaScript the form posts as it is: the server decides.
    const noScript = await visitor.context.browser()!.newContext({ locale: "en-US", javaScriptEnabled: false, storageState: await visitor.context.storageState() });
    const page = await noScript.newPage();
    await page.goto(`${baseUrl}/expert/profile`);
    const upload = async (name: string, bytes: number) => {
      await page.getByLabel(m.file, { exact: true }).setInputFiles(pdf(name, bytes));
      const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: m.upload }).click()]);
      await page.waitForLoadState("domcontentloaded");
      return response.status();
    };

    expect(await upload("at-the-limit.pdf", MAX_EVIDENCE_BYTES)).toBe(200);
    await page.getByRole("link", { name: "at-the-limit.pdf" }).waitFor();

    expect(await upload("one-byte-over.pdf", MAX_EVIDENCE_BYTES + 1)).toBe(200);
    await page.getByText(en.validation.fileTooLarge).waitFor();
    expect(await page.getByRole("link", { name: "one-byte-over.pdf" }).count()).toBe(0);

    expect(await upload("twenty-eight-mb.pdf", 28 * 1024 * 1024)).toBe(413);
    await page.goto(`${baseUrl}/expert/profile`);

    expect(await upload("é\u202Egnp.pdf", 1024)).toBe(200);
    const link = page.getByRole("link", { name: "égnp.pdf" });
    await link.waitFor();
    const download = await visitor.context.request.get(`${baseUrl}${await link.getAttribute("href")}`);
    expect(download.status()).toBe(200);
    const disposition = download.headers()["content-disposition"] ?? "";
    expect(disposition).toContain("filename*=UTF-8''%C3%A9gnp.pdf");
    expect(disposition).not.toContain("%E2%80%AE");
    await noScript.close();

    // With JavaScript a file over the limit is refused before it is sent, with the same message.
    const js = visitor.page;
    await js.reload();
    let posted = false;
    js.on("request", (request) => {
      if (request.method() === "POST") posted = true;
    });
    await js.getByLabel(m.file, { exact: true }).setInputFiles(pdf("twelve-mb.pdf", 12 * 1024 * 1024));
    await js.getByRole("button", { name: m.upload }).click();
    await js.getByText(en.validation.fileTooLarge).waitFor();
    expect(posted).toBe(false);
    await visitor.screenshot("hostile-inputs-file-too-large");
    await visitor.context.close();
  }, 240_000);
});
