import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { checkbox, confirmed, optionalText, text, textOrNone } from "@/lib/actions/form-fields";
import { formDataToValues } from "@/lib/actions/form-values";
import { PolicyError } from "@/lib/auth/policy";
import { fail, ok } from "@/lib/result";

function form(entries: [string, string][]) {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

const schema = z.object({ name: text(), pricing: z.enum(["fixed", "daily"], { error: "required" }), days: z.coerce.number({ error: "bidDays" }) });

describe("formAction", () => {
  it("gives the use case the parsed input, typed, and shows its success", async () => {
    const run = vi.fn(async (input: z.output<typeof schema>) => ok({ id: `${input.pricing}-${input.days + 1}` }));
    const state = await formAction(form([["pricing", "daily"], ["days", "4"]]), {
      schema,
      run,
      done: (value) => ({ status: "success", notice: { key: "bids.sent", values: { id: value.id } } }),
    });
    expect(run).toHaveBeenCalledWith({ name: "", pricing: "daily", days: 4 }, expect.any(FormData));
    expect(state).toEqual({ status: "success", notice: { key: "bids.sent", values: { id: "daily-5" } } });
  });

  it("answers plain success when nothing more is said", async () => {
    await expect(formAction(form([["pricing", "fixed"], ["days", "1"]]), { schema, run: async () => ok(undefined) })).resolves.toEqual({ status: "success" });
  });

  it("refuses what the schema refuses as field errors, keeps what was typed, and never runs the use case", async () => {
    const run = vi.fn(async () => ok(undefined));
    const state = await formAction(form([["name", "Claire"], ["pricing", "hourly"], ["days", "x"]]), { schema, run });
    expect(run).not.toHaveBeenCalled();
    expect(state).toEqual({ status: "error", fieldErrors: { pricing: "required", days: "bidDays" }, values: { name: "Claire", pricing: "hourly", days: "x" } });
  });

  it("shows the use case's invalid as field errors and its other refusals as the message named", async () => {
    const data = form([["name", "Claire"], ["pricing", "fixed"], ["days", "2"]]);
    await expect(formAction(data, { schema, run: async () => fail("invalid", { name: "tooLong" }) })).resolves.toEqual({
      status: "error",
      fieldErrors: { name: "tooLong" },
      values: { name: "Claire", pricing: "fixed", days: "2" },
    });
    await expect(formAction(data, { schema, run: async () => fail("job_closed"), refused: (code) => `bids.error_${code}` })).resolves.toEqual({
      status: "error",
      formError: "bids.error_job_closed",
      values: { name: "Claire", pricing: "fixed", days: "2" },
    });
    // A refusal with per-field codes keeps both (a wrong second-factor code says which field).
    await expect(formAction(data, { schema, run: async () => fail("wrong_code", { code: "wrong" }), refused: (code) => `secondFactor.error_${code}` })).resolves.toMatchObject({
      formError: "secondFactor.error_wrong_code",
      fieldErrors: { code: "wrong" },
    });
    await expect(formAction(data, { schema, run: async () => fail("whatever") })).resolves.toMatchObject({ formError: "common.genericError" });
    // A refusal whose field codes say it all has no message of its own.
    await expect(formAction(data, { schema, run: async () => fail("too_soon", { effectiveOn: "tooSoon" }), refused: () => undefined })).resolves.toEqual({
      status: "error",
      fieldErrors: { effectiveOn: "tooSoon" },
      values: { name: "Claire", pricing: "fixed", days: "2" },
    });
    // An "invalid" with no field to point at (an id that is not one) is a refusal of the whole form.
    await expect(formAction(data, { schema, run: async () => fail("invalid"), refused: (code) => `backgroundAdmin.${code}` })).resolves.toEqual({
      status: "error",
      formError: "backgroundAdmin.invalid",
      values: { name: "Claire", pricing: "fixed", days: "2" },
    });
  });

  it("is guarded: a malformed request, a policy refusal and an unexpected error are answered, never thrown", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const run = vi.fn(async () => ok(undefined));
    await expect(formAction("nope" as unknown as FormData, { schema, run })).resolves.toEqual({ status: "error", formError: "common.invalidRequest" });
    expect(run).not.toHaveBeenCalled();
    const data = form([["pricing", "fixed"], ["days", "2"]]);
    await expect(formAction(data, { schema, run: async () => Promise.reject(new PolicyError("forbidden")) })).resolves.toMatchObject({ formError: "common.forbidden" });
    await expect(formAction(data, { schema, run: async () => ok(1), done: () => Promise.reject(new Error("boom")) })).resolves.toMatchObject({ formError: "common.genericError" });
    log.mockRestore();
  });

  it("reads repeated fields when told to", async () => {
    const run = vi.fn(async (input: { software: string }) => ok(input.software));
    await formAction(form([["software", "a"], ["software", "b"]]), { read: formDataToValues, schema: z.object({ software: text() }), run });
    expect(run).toHaveBeenCalledWith({ software: "a\nb" }, expect.any(FormData));
  });
});

describe("form fields", () => {
  const fields = z.object({ note: text(), line2: optionalText(), key: textOrNone(), confirm: confirmed(), goodFaith: checkbox() });

  it("read what a form sends, and what a missing field means", () => {
    expect(fields.parse({ note: "x", line2: "", key: "", confirm: "yes", goodFaith: "on" })).toEqual({ note: "x", line2: "", key: undefined, confirm: "yes", goodFaith: true });
    expect(fields.parse({ confirm: "yes" })).toEqual({ note: "", line2: undefined, key: undefined, confirm: "yes", goodFaith: false });
  });

  it("refuse an unticked confirmation with its message", () => {
    const parsed = fields.safeParse({});
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["confirm", "confirmRequired"]]);
  });
});
