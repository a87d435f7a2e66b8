import { render } from "@react-email/components";
import { describe, expect, it } from "vitest";
import ContractEventEmail from "@/emails/ContractEventEmail";

const base = { jobTitle: "Former l’accueil à Odoo", party: "Garage Dupont SARL", withDpa: false, url: "https://compagnon.example/contracts/1" } as const;

describe("the contract email of a training", () => {
  it("names the training agreement among the documents to accept, in French and English, and only for a training", async () => {
    const fr = await render(<ContractEventEmail {...base} locale="fr" event="bidAccepted" withTrainingAgreement />, { plainText: true });
    expect(fr).toContain("l’accord de confidentialité, ainsi que la convention de formation professionnelle.");
    const en = await render(<ContractEventEmail {...base} locale="en" event="documentsAwaiting" withTrainingAgreement />, { plainText: true });
    expect(en).toContain("the non-disclosure agreement, and the vocational training agreement too.");
    const plain = await render(<ContractEventEmail {...base} locale="fr" event="bidAccepted" />, { plainText: true });
    expect(plain).not.toContain("convention de formation");
  });
});
