import { describe, expect, it, vi } from "vitest";
import { refuseBodySize, refuseMalformedAction, refusePath } from "@/lib/http/request-guard";
import { MAX_ATTACHMENT_BYTES, MAX_REQUEST_BODY_BYTES } from "@/lib/http/request-limits";

const post = (headers: Record<string, string>, body?: BodyInit) => new Request("http://localhost/signin", { method: "POST", headers, body });

function multipart(fields: Record<string, string>): { body: string; type: string } {
  const boundary = "----test";
  const parts = Object.entries(fields).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  return { body: `${parts.join("")}--${boundary}--\r\n`, type: `multipart/form-data; boundary=${boundary}` };
}

describe("refusePath", () => {
  it.each(["/jobs/%FF", "/experts/a%FF", "/jobs/%E0%A4%A", "/experts/%00", "/jobs/%"])("answers 400 to %s", (path) => {
    expect(refusePath(path)?.status).toBe(400);
  });

  it("lets ordinary paths through, accents included", () => {
    expect(refusePath("/experts/sophie-bernard")).toBeNull();
    expect(refusePath("/experts/zo%C3%AB")).toBeNull();
  });
});

describe("refuseBodySize", () => {
  it("lets a form with a file at the upload limit through, and refuses a bigger body with 413 before reading it", () => {
    expect(MAX_REQUEST_BODY_BYTES).toBeGreaterThan(MAX_ATTACHMENT_BYTES);
    expect(refuseBodySize(post({ "content-length": String(MAX_ATTACHMENT_BYTES + 64 * 1024) }))).toBeNull();
    expect(refuseBodySize(post({ "content-length": String(MAX_REQUEST_BODY_BYTES) }))).toBeNull();
    expect(refuseBodySize(post({ "content-length": String(MAX_REQUEST_BODY_BYTES + 1) }))?.status).toBe(413);
    expect(refuseBodySize(post({ "content-length": String(28 * 1024 * 1024) }))?.status).toBe(413);
  });

  it("asks a body of unknown length to say it (411), and leaves reads alone", () => {
    expect(refuseBodySize(post({ "transfer-encoding": "chunked" }))?.status).toBe(411);
    expect(refuseBodySize(new Request("http://localhost/jobs"))).toBeNull();
  });
});

describe("refuseMalformedAction", () => {
  const quiet = () => vi.spyOn(console, "warn").mockImplementation(() => {});

  it.each([
    ["garbage text", { "next-action": "abc", "content-type": "text/plain" }, "garbage{"],
    ["JSON that is not an argument list", { "next-action": "abc", "content-type": "text/plain" }, '{"a":1}'],
    ["an empty body", { "next-action": "abc", "content-type": "text/plain" }, ""],
  ])("refuses a JavaScript action call with %s (400)", async (_what, headers, body) => {
    const log = quiet();
    expect((await refuseMalformedAction(post(headers, body)))?.status).toBe(400);
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });

  it("refuses a multipart action call without its argument list, with a broken one, or cut short", async () => {
    const log = quiet();
    const noRoot = multipart({ "1_email": "a@b.fr" });
    expect((await refuseMalformedAction(post({ "next-action": "abc", "content-type": noRoot.type }, noRoot.body)))?.status).toBe(400);
    const badRoot = multipart({ "0": "garbage{" });
    expect((await refuseMalformedAction(post({ "next-action": "abc", "content-type": badRoot.type }, badRoot.body)))?.status).toBe(400);
    const cut = multipart({ "0": '["$K1"]' });
    expect((await refuseMalformedAction(post({ "next-action": "abc", "content-type": cut.type }, cut.body.slice(0, 30))))?.status).toBe(400);
    log.mockRestore();
  });

  it("refuses a form posted without JavaScript whose action fields are not what React writes", async () => {
    const log = quiet();
    const garbage = multipart({ $ACTION_REF_1: "", "$ACTION_1:0": '{"id":"602017","bound":"$@1"}', "$ACTION_1:1": "garbage", email: "a@b.fr" });
    expect((await refuseMalformedAction(post({ "content-type": garbage.type }, garbage.body)))?.status).toBe(400);
    const notArray = multipart({ $ACTION_REF_1: "", "$ACTION_1:0": '{"id":"602017","bound":"$@1"}', "$ACTION_1:1": "{}" });
    expect((await refuseMalformedAction(post({ "content-type": notArray.type }, notArray.body)))?.status).toBe(400);
    const noId = multipart({ $ACTION_REF_1: "", "$ACTION_1:0": "[]" });
    expect((await refuseMalformedAction(post({ "content-type": noId.type }, noId.body)))?.status).toBe(400);
    log.mockRestore();
  });

  it("lets well-formed action calls and other requests through", async () => {
    expect(await refuseMalformedAction(post({ "next-action": "abc", "content-type": "text/plain" }, '[{"status":"idle"},"$K1"]'))).toBeNull();
    const fetchForm = multipart({ "1_email": "a@b.fr", "0": '[{"status":"idle"},"$K1"]' });
    expect(await refuseMalformedAction(post({ "next-action": "abc", "content-type": fetchForm.type }, fetchForm.body))).toBeNull();
    const mpa = multipart({ $ACTION_REF_1: "", "$ACTION_1:0": '{"id":"602017","bound":"$@1"}', "$ACTION_1:1": '[{"status":"idle"}]', email: "a@b.fr" });
    expect(await refuseMalformedAction(post({ "content-type": mpa.type }, mpa.body))).toBeNull();
    expect(await refuseMalformedAction(post({ "content-type": "application/x-www-form-urlencoded" }, "email=a%40b.fr"))).toBeNull();
    expect(await refuseMalformedAction(new Request("http://localhost/jobs"))).toBeNull();
  });
});
