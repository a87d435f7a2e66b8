import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { cancelContract } from "@/lib/contracts/cancel";
import { addAttendees, getTrainingView, removeAttendee } from "@/lib/training/attendees";
import { makeActiveContract } from "../../helpers/contracts";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { makeTrainingContract } from "../../helpers/training";

let owner: Actor;
let member: Actor;
let outsider: Actor;
let admin: Actor;
beforeAll(async () => {
  owner = await makeUser("client", { name: "Claire Martin" });
  member = await makeUser("client");
  outsider = await makeUser("client");
  admin = { ...(await makeUser("admin")), secondFactor: "totp" };
  await makeOrganization(owner, [{ actor: member, role: "member" }]);
  await makeOrganization(outsider);
});

const emailsTo = (address: string) => db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, address));

describe("training attendees", () => {
  it("are listed by a member of the client organisation, each emailed the session details", async () => {
    const { contractId, expert } = await makeTrainingContract({ owner });
    const result = await addAttendees(member, {
      contractId,
      attendees: [
        { fullName: "Léa Dubois", email: "Lea.Dubois@boulangerie.example" },
        { fullName: "Marc Lefèvre", email: "marc@boulangerie.example" },
      ],
    });
    expect(result).toEqual({ ok: true, value: { added: 2 } });
    const [mail] = await emailsTo("lea.dubois@boulangerie.example");
    expect(mail?.subject).toBe("Votre formation : Former l’équipe à Nextcloud");
    expect(mail?.text).toContain("8\u00a0mars 2027, journée complète");
    expect(mail?.text).toContain("15\u00a0mars 2027, matin");
    expect(mail?.text).toContain("10 heures au total");
    for (const actor of [owner, expert, admin]) {
      expect((await getTrainingView(actor, contractId))?.attendees.map((a) => a.fullName)).toEqual(["Léa Dubois", "Marc Lefèvre"]);
    }
    const view = await getTrainingView(owner, contractId);
    expect(view?.sessions.map((s) => [s.date, s.slot, s.milestoneStatus])).toEqual([["2027-03-08", "full_day", "pending"], ["2027-03-15", "morning", "pending"]]);
    await expect(getTrainingView(outsider, contractId)).rejects.toThrow(PolicyError);
  });

  it("refuse a duplicate address, more attendees than places and bad input", async () => {
    const { contractId } = await makeTrainingContract({ owner, terms: { attendeesCount: 2 } });
    expect((await addAttendees(owner, { contractId, attendees: [{ fullName: "Léa Dubois", email: "lea@example.org" }] })).ok).toBe(true);
    expect(await addAttendees(owner, { contractId, attendees: [{ fullName: "Léa D.", email: "LEA@example.org" }] })).toEqual({
      ok: false,
      error: "invalid",
      fields: { "attendees.0.email": "trainingAttendeeDuplicate" },
    });
    expect(
      await addAttendees(owner, {
        contractId,
        attendees: [
          { fullName: "Marc Lefèvre", email: "marc@example.org" },
          { fullName: "Nina Roy", email: "nina@example.org" },
        ],
      }),
    ).toEqual({ ok: false, error: "invalid", fields: { attendees: "trainingAttendeesOverCount" } });
    expect(await addAttendees(owner, { contractId, attendees: [{ fullName: "X", email: "pas-une-adresse" }] })).toEqual({
      ok: false,
      error: "invalid",
      fields: { "attendees.0.fullName": "required", "attendees.0.email": "email" },
    });
    expect(await addAttendees(owner, { contractId, attendees: [] })).toMatchObject({ fields: { attendees: "trainingAttendeesRequired" } });
  });

  it("are refused to the expert, an outsider, an admin and anonymous; removal too; not on a non-training or cancelled contract", async () => {
    const { contractId, expert } = await makeTrainingContract({ owner });
    const input = { contractId, attendees: [{ fullName: "Léa Dubois", email: "lea@example.org" }] };
    for (const actor of [expert, outsider, admin, null]) await expect(addAttendees(actor, input)).rejects.toThrow(PolicyError);
    const added = await addAttendees(owner, input);
    expect(added.ok).toBe(true);
    const view = await getTrainingView(owner, contractId);
    const attendeeId = view?.attendees[0]?.id ?? "";
    for (const actor of [expert, outsider, admin]) await expect(removeAttendee(actor, { contractId, attendeeId })).rejects.toThrow(PolicyError);
    expect(await removeAttendee(member, { contractId, attendeeId })).toEqual({ ok: true, value: undefined });
    expect((await getTrainingView(owner, contractId))?.attendees).toEqual([]);

    const plain = await makeActiveContract({ owner });
    expect(await addAttendees(owner, { ...input, contractId: plain.contractId })).toEqual({ ok: false, error: "not_training" });
    expect(await getTrainingView(owner, plain.contractId)).toBeNull();

    const cancelled = await makeTrainingContract({ owner });
    expect((await cancelContract(admin, { contractId: cancelled.contractId, reason: "Formation reportée à l’année prochaine." })).ok).toBe(true);
    expect(await addAttendees(owner, { ...input, contractId: cancelled.contractId })).toEqual({ ok: false, error: "closed" });
  });
});
