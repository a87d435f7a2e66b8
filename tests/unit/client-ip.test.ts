import { describe, expect, it } from "vitest";
import { clientIp } from "@/lib/http/client-ip";

describe("clientIp", () => {
  it("takes the address written by the nearest hop", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "1.1.1.1, 203.0.113.5" }))).toBe("203.0.113.5");
    expect(clientIp(new Headers({ "x-forwarded-for": "::1" }))).toBe("::1");
    expect(clientIp(new Headers({ "x-real-ip": " 198.51.100.2 " }))).toBeNull();
    expect(clientIp(new Headers())).toBeNull();
  });
});
