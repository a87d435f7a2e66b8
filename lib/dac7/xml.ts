import { leaf, node, serializeXml, type XmlNode } from "@/lib/invoicing/facturx/xml";
import { wholeEuros } from "@/lib/money/format";
import type { QuarterActivity, YearActivity } from "./activity";
import type { ReportableSeller } from "./sellers";

/** The reporting platform operator, from the PLATFORM_* configuration. */
export interface PlatformOperator {
  legalName: string;
  businessName: string;
  siren: string;
  vatNumber: string | null;
  addressLine1: string;
  postalCode: string;
  city: string;
}

/** Whole euros, rounded half up: the schema's amounts have no decimals (MonAmnt_Type). */
const euros = (name: string, cents: number) => leaf(name, String(wholeEuros(cents)), { currCode: "EUR" });

function quarters(name: string, prefix: string, year: YearActivity, value: (q: QuarterActivity) => number, money: boolean): XmlNode {
  return node(
    `dpi:${name}`,
    ...year.map((q, i) => (money ? euros(`dpi:${prefix}Q${i + 1}`, value(q)) : leaf(`dpi:${prefix}Q${i + 1}`, String(value(q))))),
  );
}

function address(type: string, street: string | null, postalCode: string, city: string): XmlNode {
  return {
    name: "dpi:Address",
    attrs: { legalAddressType: type },
    children: [leaf("dpi:CountryCode", "FR"), node("dpi:AddressFix", leaf("dpi:Street", street), leaf("dpi:PostCode", postalCode), leaf("dpi:City", city))],
  };
}

const docSpec = (ref: string): XmlNode => node("dpi:DocSpec", leaf("stf:DocTypeIndic", "OECD1"), leaf("stf:DocRefId", ref));

/** SIREN as the TIN (issued by France), or "NOTIN" marked unknown when the expert never gave it. */
const tin = (siren: string | null) => (siren ? leaf("dpi:TIN", siren, { issuedBy: "FR" }) : leaf("dpi:TIN", "NOTIN", { unknown: "true" }));

function sellerIdentity(seller: ReportableSeller): XmlNode {
  const addr = seller.address
    ? address("OECD303", seller.address.lines.join(", ").slice(0, 200) || null, seller.address.postalCode, seller.address.city)
    : null;
  const financial = seller.financialAccount
    ? node(
        "dpi:FinancialIdentifier",
        leaf("dpi:Identifier", seller.financialAccount.identifier, { AccountNumberType: seller.financialAccount.type }),
        leaf("dpi:AccountHolderName", seller.legalName.slice(0, 200)),
        seller.financialAccount.type === "Other" ? leaf("dpi:OtherInfo", "Compte de paiement Stripe Connect (référence du compte connecté)") : null,
      )
    : null;
  if (seller.kind === "entity") {
    return node(
      "dpi:EntitySeller",
      node(
        "dpi:Standard",
        node(
          "dpi:EntSellerID",
          leaf("dpi:ResCountryCode", "FR"),
          tin(seller.siren),
          seller.siren ? leaf("dpi:IN", seller.siren, { issuedBy: "FR", INType: "BRN" }) : null,
          leaf("dpi:VAT", seller.vatNumber),
          leaf("dpi:Name", seller.legalName.slice(0, 200)),
          addr,
        ),
        financial,
      ),
    );
  }
  return node(
    "dpi:IndividualSeller",
    node(
      "dpi:Standard",
      node(
        "dpi:IndSellerID",
        leaf("dpi:ResCountryCode", "FR"),
        tin(seller.siren),
        leaf("dpi:VAT", seller.vatNumber),
        { name: "dpi:Name", attrs: { nameType: "OECD202" }, children: [leaf("dpi:FirstName", seller.firstName), leaf("dpi:LastName", seller.lastName)] },
        addr,
        node(
          "dpi:BirthInfo",
          leaf("dpi:BirthDate", seller.birthDate),
          seller.birthCity ? node("dpi:BirthPlace", leaf("dpi:City", seller.birthCity), node("dpi:CountryInfo", leaf("dpi:CountryCode", "FR"))) : null,
        ),
      ),
      financial,
    ),
  );
}

/** The DocRefId of a seller's record: stable for a year and seller, so a correction can point at it. */
export const sellerDocRefId = (year: number, siren: string, userId: string) => `OP_${year}_${siren}_${userId}_v1`;

/**
 * The DAC7 declaration (DGFiP "DPI" XML, schema DPIXML v1.1-fr1) of a year: the platform
 * operator and every reportable seller with their personal services per quarter (consideration
 * credited, number of milestones paid, commission withheld and its VAT), amounts in whole euros.
 * A new declaration (DPI401, OECD1). The caller makes sure no seller misses blocking data.
 */
export function declarationXml(input: { year: number; operator: PlatformOperator; sellers: ReportableSeller[]; now: Date }): string {
  const { year, operator, sellers, now } = input;
  const stamp = now.toISOString().replace(/\D/g, "").slice(0, 14);
  const root: XmlNode = {
    name: "dpi:DPI_OECD",
    attrs: { "xmlns:dpi": "urn:oecd:ties:dpi", "xmlns:stf": "urn:oecd:ties:dpistf", version: "1.0" },
    children: [
      node(
        "dpi:MessageSpec",
        leaf("dpi:TransmittingCountry", "FR"),
        leaf("dpi:ReceivingCountry", "FR"),
        leaf("dpi:MessageType", "DPI"),
        leaf("dpi:MessageRefId", `OP_${year}_${operator.siren}_${stamp}`),
        leaf("dpi:MessageTypeIndic", "DPI401"),
        leaf("dpi:ReportingPeriod", `${year}-12-31`),
        leaf("dpi:Timestamp", now.toISOString()),
      ),
      node(
        "dpi:DPIBody",
        node(
          "dpi:PlatformOperator",
          leaf("dpi:ResCountryCode", "FR"),
          leaf("dpi:TIN", operator.siren, { issuedBy: "FR" }),
          leaf("dpi:IN", operator.siren, { issuedBy: "FR", INType: "BRN" }),
          leaf("dpi:VAT", operator.vatNumber),
          leaf("dpi:Name", operator.legalName),
          leaf("dpi:PlatformBusinessName", operator.businessName),
          address("OECD304", operator.addressLine1, operator.postalCode, operator.city),
          leaf("dpi:Nexus", "RPONEX1"),
          leaf("dpi:AssumedReporting", "false"),
          docSpec(`OP_${year}_${operator.siren}_platform_v1`),
        ),
        ...sellers.map((seller) =>
          node(
            "dpi:ReportableSeller",
            node("dpi:Identity", sellerIdentity(seller)),
            node(
              "dpi:RelevantActivities",
              node(
                "dpi:PersonalServices",
                quarters("Consideration", "Cons", seller.quarters, (q) => q.considerationCents, true),
                quarters("NumberOfActivities", "Numb", seller.quarters, (q) => q.activities, false),
                quarters("Fees", "Fees", seller.quarters, (q) => q.feesCents, true),
                quarters("Taxes", "Taxes", seller.quarters, (q) => q.taxesCents, true),
              ),
            ),
            docSpec(sellerDocRefId(year, operator.siren, seller.userId)),
          ),
        ),
      ),
    ],
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serializeXml(root)}`;
}
