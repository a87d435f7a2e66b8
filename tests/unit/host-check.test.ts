import { describe, expect, it } from "vitest";
import { namesOwnHost } from "@/lib/http/host-check";

const h = (init: Record<string, string>) => new Headers(init);

describe("namesOwnHost", () => {
  const app = "https://compagnon.example";

  it("accepts the app's own host, with or without its default port", () => {
    expect(namesOwnHost(h({ host: "compagnon.example" }), app)).toBe(true);
    expect(namesOwnHost(h({ host: "Compagnon.Example:443" }), app)).toBe(true);
    expect(namesOwnHost(h({ host: "compagnon.example", "x-forwarded-host": "compagnon.example" }), app)).toBe(true);
  });

  it("refuses a foreign Host or X-Forwarded-Host, and any entry of a list", () => {
    expect(namesOwnHost(h({ host: "evil.example" }), app)).toBe(false);
    expect(namesOwnHost(h({ host: "compagnon.example", "x-forwarded-host": "evil.example" }), app)).toBe(false);
    expect(namesOwnHost(h({ host: "compagnon.example", "x-forwarded-host": "evil.example, compagnon.example" }), app)).toBe(false);
    expect(namesOwnHost(h({ host: "compagnon.example:8443" }), app)).toBe(false);
    expect(namesOwnHost(h({ host: "compagnon.example.evil.example" }), app)).toBe(false);
  });

  it("refuses what is not a plain host", () => {
    expect(namesOwnHost(h({ host: "user@compagnon.example" }), app)).toBe(false);
    expect(namesOwnHost(h({ host: "compagnon.example/path" }), app)).toBe(false);
    expect(namesOwnHost(h({}), app)).toBe(false);
  });

  it("treats loopback names on the same port as one machine when the app is local", () => {
    const local = "http://localhost:3000";
    expect(namesOwnHost(h({ host: "127.0.0.1:3000" }), local)).toBe(true);
    expect(namesOwnHost(h({ host: "[::1]:3000" }), local)).toBe(true);
    expect(namesOwnHost(h({ host: "localhost:3001" }), local)).toBe(false);
    expect(namesOwnHost(h({ host: "127.0.0.1" }), app)).toBe(false);
  });
});
