import { describe, expect, it } from "vitest";
import { PolicyError } from "@/lib/auth/policy";
import { announceLegalVersion, nobodyBound, unannouncedVersions } from "@/lib/legal/announcements";
import { versionInForce } from "@/lib/legal/acceptance";
import { parisDay } from "@/lib/dates";
import { makeUser } from "../../helpers/factories";

describe("the versions that ship with the code, on a fresh database", () => {
  it("are an admin's to-do until announced; before any account but the admins', one takes effect the same day; afterwards the 15 days' notice is owed", async () => {
    const admin = await makeUser("admin");
    const now = new Date();
    const today = parisDay(now);
    expect(await unannouncedVersions(admin)).toEqual([
      { document: "terms", version: "2" },
      { document: "terms", version: "3" },
      { document: "privacy", version: "2" },
      { document: "mandate", version: "mandat-2" },
    ]);
    for (const who of [null, { ...admin, role: "client" as const }, { ...admin, secondFactor: null }]) {
      await expect(unannouncedVersions(who)).rejects.toBeInstanceOf(PolicyError);
    }

    // Nobody but admins: nobody is bound by version 1, the latest takes effect today.
    expect(await nobodyBound()).toBe(true);
    expect(await announceLegalVersion(admin, { document: "terms", version: "3", effectiveOn: today }, now)).toMatchObject({ ok: true });
    expect(await versionInForce("terms", new Date(`${today}T00:00:01Z`))).toMatchObject({ version: "3", announced: true });
    expect((await unannouncedVersions(admin)).map((v) => `${v.document} ${v.version}`)).toEqual(["terms 2", "privacy 2", "mandate mandat-2"]);

    // The first user: from now on a new version is announced 15 days ahead.
    await makeUser("client");
    expect(await nobodyBound()).toBe(false);
    expect(await announceLegalVersion(admin, { document: "privacy", version: "2", effectiveOn: today }, now)).toEqual({ ok: false, error: "too_soon", fields: { effectiveOn: "tooSoon" } });
  });
});
