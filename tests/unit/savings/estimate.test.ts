import { describe, expect, it } from "vitest";
import { paidServiceEntries, savingsAssumptionEntries } from "@/db/seed/savings-data";
import { estimateSavings, hostingTierFor, type PriceData } from "@/lib/savings/estimate";

const data = (marketInstallation: PriceData["marketInstallation"] = {}): PriceData => ({
  services: paidServiceEntries.map((service) => ({ ...service, replacementSlugs: [...service.replacementSlugs] })),
  assumptions: Object.fromEntries(savingsAssumptionEntries.map(({ key, ...rest }) => [key, rest])) as PriceData["assumptions"],
  softwareNames: { nextcloud: "Nextcloud", mattermost: "Mattermost" },
  marketInstallation,
});

describe("the savings estimate", () => {
  it("10 people on Microsoft 365, Slack and Zoom: known figures for one and three years", () => {
    const estimate = estimateSavings({ users: { "microsoft-365": 10, slack: 10, zoom: 10 } }, data());
    expect(estimate).not.toBeNull();
    if (!estimate) return;
    expect(estimate.licencesMonthlyCents).toBe(11_700 + 6_750 + 13_330);
    // nextcloud, collabora-online, mailcow, mattermost, jitsi-meet: five programs, each counted once.
    expect(estimate.replacements.map((r) => r.slug)).toEqual(["nextcloud", "collabora-online", "mailcow", "mattermost", "jitsi-meet"]);
    expect(estimate.installationCents).toBe(80_000 + 5 * 60_000);
    expect(estimate.supportMonthlyCents).toBe(8_000 + 5 * 2_000);
    expect(estimate.hostingTier).toBe("small");
    expect(estimate.hostingMonthlyCents).toBe(2_000);
    expect(estimate.horizons).toEqual([
      { months: 12, licencesCents: 381_360, hostingCents: 24_000, installationCents: 380_000, supportCents: 216_000, freeCents: 620_000, savingsCents: -238_640 },
      { months: 36, licencesCents: 1_144_080, hostingCents: 72_000, installationCents: 380_000, supportCents: 648_000, freeCents: 1_100_000, savingsCents: 44_080 },
    ]);
    expect(estimate.breakEvenMonth).toBe(33);
    expect(estimate.cumulative).toHaveLength(37);
    expect(estimate.cumulative[0]).toEqual({ month: 0, todayCents: 0, freeCents: 380_000 });
    expect(estimate.cumulative[36]).toEqual({ month: 36, todayCents: 1_144_080, freeCents: 1_100_000 });
  });

  it("prices an installation from the platform's accepted bids once there are five, not before", () => {
    const four = estimateSavings({ users: { dropbox: 5 } }, data({ nextcloud: { medianCents: 150_000, bids: 4 } }));
    expect(four?.replacements).toEqual([{ slug: "nextcloud", name: "Nextcloud", installationCents: 60_000, priced: "estimate", bids: 4 }]);
    const five = estimateSavings({ users: { dropbox: 5 } }, data({ nextcloud: { medianCents: 150_000, bids: 5 } }));
    expect(five?.replacements).toEqual([{ slug: "nextcloud", name: "Nextcloud", installationCents: 150_000, priced: "market", bids: 5 }]);
    expect(five?.installationCents).toBe(80_000 + 150_000);
  });

  it("hosting grows with the largest team, and no break-even is claimed when there is none", () => {
    expect([1, 10, 11, 50, 51].map(hostingTierFor)).toEqual(["small", "small", "medium", "medium", "large"]);
    const estimate = estimateSavings({ users: { slack: 2, salesforce: 60 } }, data());
    expect(estimate?.hostingTier).toBe("large");
    expect(estimate?.hostingMonthlyCents).toBe(9_000);
    const tiny = estimateSavings({ users: { "password-manager": 1 } }, data());
    expect(tiny?.breakEvenMonth).toBeNull();
    expect(tiny?.horizons.every((h) => h.savingsCents < 0)).toBe(true);
  });

  it("nothing chosen, no estimate; unknown or zero-user services are ignored", () => {
    expect(estimateSavings({ users: {} }, data())).toBeNull();
    expect(estimateSavings({ users: { slack: 0, "not-a-service": 9 } }, data())).toBeNull();
  });
});

describe("the visitor's choice from the address", () => {
  it("keeps known services with whole user counts, flags the rest and keeps what was typed", async () => {
    const { selectionFromSearchParams, wizardPrefillPath } = await import("@/lib/savings/selection");
    const parsed = selectionFromSearchParams({ slack: "12", zoom: " 0 ", dropbox: "3,5", salesforce: "99999999", unknown: "4", "microsoft-365": "7" }, ["slack", "zoom", "dropbox", "salesforce", "microsoft-365"]);
    expect(parsed.selection).toEqual({ users: { slack: 12, "microsoft-365": 7 } });
    expect(parsed.errors).toEqual({ dropbox: "users", salesforce: "users" });
    expect(parsed.typed).toEqual({ slack: "12", zoom: "0", dropbox: "3,5", salesforce: "99999999", "microsoft-365": "7" });
    expect(wizardPrefillPath(["nextcloud", "mattermost"], 12)).toBe("/jobs/new?kind=installation&software=nextcloud%2Cmattermost&users=12");
  });
});
