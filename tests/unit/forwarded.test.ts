import type { IncomingHttpHeaders } from "node:http";
import { describe, expect, it } from "vitest";
import { clientAddress, normalizeForwarding } from "@/lib/http/forwarded";

function normalized(headers: IncomingHttpHeaders, peer: string | undefined, trustProxy: number) {
  const copy = { ...headers };
  normalizeForwarding(copy, peer, trustProxy);
  return copy;
}

describe("forwarding headers", () => {
  it("with no trusted proxy, ignores every forwarding header the client sent", () => {
    const headers = normalized(
      { host: "app.example", "x-forwarded-for": "1.2.3.4", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", "x-real-ip": "5.6.7.8", forwarded: "for=9.9.9.9" },
      "203.0.113.7",
      0,
    );
    expect(headers).toEqual({ host: "app.example", "x-forwarded-for": "203.0.113.7" });
  });

  it("with one proxy, believes only the entry that proxy appended", () => {
    // The client forged two entries; our proxy (the socket's peer, 127.0.0.1) appended the real one.
    const headers = normalized({ "x-forwarded-for": "6.6.6.6, 7.7.7.7, 198.51.100.20", "x-forwarded-host": "app.example" }, "127.0.0.1", 1);
    expect(headers["x-forwarded-for"]).toBe("198.51.100.20");
    expect(headers["x-forwarded-host"]).toBe("app.example");
  });

  it("with two proxies, counts two hops from the end", () => {
    expect(clientAddress("6.6.6.6, 198.51.100.20, 10.0.0.2", "10.0.0.3", 2)).toBe("198.51.100.20");
  });

  it("never reaches past the start of the chain", () => {
    expect(clientAddress(undefined, "127.0.0.1", 1)).toBe("127.0.0.1");
    expect(clientAddress("", undefined, 0)).toBeUndefined();
  });

  it("gives a forger rotating X-Forwarded-For the same address every time", () => {
    const seen = new Set<string | undefined>();
    for (let i = 0; i < 25; i++) {
      seen.add(normalized({ "x-forwarded-for": `10.0.${i}.1` }, "198.51.100.9", 0)["x-forwarded-for"] as string);
      seen.add(normalized({ "x-forwarded-for": `10.0.${i}.1, 198.51.100.9` }, "127.0.0.1", 1)["x-forwarded-for"] as string);
    }
    expect([...seen]).toEqual(["198.51.100.9"]);
  });
});
