import { describe, expect, it } from "vitest";
import { chooseRoleSchema } from "@/lib/accounts/choose-role";
import { expertProfileSchema } from "@/lib/experts/schemas";
import { mandateSchema } from "@/lib/invoicing/mandate";
import { createOrganizationSchema } from "@/lib/organizations/schemas";
import { cleanIdentityText, IDENTITY_RAW_MAX } from "@/lib/text/identity";

describe("cleanIdentityText", () => {
  it.each([
    ["right-to-left override", "Jean\u202EtnoD", "JeantnoD"],
    ["bidi isolates and embeddings", "\u2066Admin\u2069 \u202AMartin\u202C", "Admin Martin"],
    ["left-to-right and right-to-left marks", "\u200EClaire\u200F", "Claire"],
    ["zero-width space and non-joiner", "Cla\u200Bi\u200Cre", "Claire"],
    ["zero-width joiner between letters", "Ad\u200Dmin", "Admin"],
    ["byte order mark and soft hyphen", "\uFEFFBou\u00ADlangerie", "Boulangerie"],
    ["C0 and C1 controls", "Sophie\u0007\u009B Bernard", "Sophie Bernard"],
    ["line breaks and tabs become spaces", "Jean\nDupont\tSARL", "Jean Dupont SARL"],
    ["an unused tag character", "Bob\u{E0041}", "Bob"],
  ])("removes %s", (_what, input, expected) => {
    expect(cleanIdentityText(input)).toBe(expected);
  });

  it.each([
    ["accents (composed)", "Zoë Ñúñez-Lefèvre", "Zoë Ñúñez-Lefèvre"],
    ["accents (decomposed → composed)", "Ze\u0301phyr", "Zéphyr"],
    ["other scripts", "Ελένη 山田 محمد", "Ελένη 山田 محمد"],
    ["an emoji", "Karim 🐧", "Karim 🐧"],
    ["a ZWJ emoji sequence", "Ana 👩\u200D💻", "Ana 👩\u200D💻"],
    ["a ZWJ sequence after a skin tone and VS16", "👍🏽\u200D🔥 🏳\uFE0F\u200D🌈", "👍🏽\u200D🔥 🏳\uFE0F\u200D🌈"],
    ["a subdivision flag (tag characters)", "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F} Alba", "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F} Alba"],
  ])("keeps %s", (_what, input, expected) => {
    expect(cleanIdentityText(input)).toBe(expected);
  });

  it("drops a ZWJ that joins nothing", () => {
    expect(cleanIdentityText("👩\u200D Ana")).toBe("👩 Ana");
    expect(cleanIdentityText("\u200D💻")).toBe("💻");
  });
});

describe("identity fields in the schemas", () => {
  it("clean people's, organisations' and experts' names before checking their length", () => {
    expect(chooseRoleSchema.parse({ role: "client", name: " Claire\u202E Martin\u200B " }).name).toBe("Claire Martin");
    expect(chooseRoleSchema.safeParse({ role: "client", name: "\u200B\u200B\u200BA" }).success).toBe(false);
    const org = createOrganizationSchema.parse({ legalName: "Boulangerie\u2066 Martin\u2069 SARL", registrationNumber: "732829320", addressLine1: "1 rue A", postalCode: "75001", city: "Paris" });
    expect(org.legalName).toBe("Boulangerie Martin SARL");
    expect(expertProfileSchema.parse({ displayName: "Sophie\u202E Bernard 🐧" }).displayName).toBe("Sophie Bernard 🐧");
    const mandate = mandateSchema.parse({ legalName: "\uFEFFLibre\u00AD Conseil", addressLine1: "8 quai", postalCode: "69001", city: "Lyon", confirm: "yes" });
    expect(mandate.legalName).toBe("Libre Conseil");
  });

  it("refuses an absurdly long name before doing any work on it", () => {
    const parsed = chooseRoleSchema.safeParse({ role: "client", name: "\u200D".repeat(IDENTITY_RAW_MAX + 1) });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe("tooLong");
  });
});
