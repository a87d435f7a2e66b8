/** A complete, well-formed (made-up) platform identity that a production start accepts. */
export const productionIdentity = {
  PLATFORM_LEGAL_NAME: "Compagnon SAS",
  PLATFORM_LEGAL_FORM: "SAS",
  PLATFORM_SIREN: "812345676",
  PLATFORM_VAT_NUMBER: "FR19812345676",
  PLATFORM_ADDRESS_LINE1: "12 rue des Lilas",
  PLATFORM_POSTAL_CODE: "69003",
  PLATFORM_CITY: "Lyon",
  PLATFORM_RCS_CITY: "Lyon",
  PLATFORM_SHARE_CAPITAL_CENTS: "1000000",
  PLATFORM_PHONE: "+33 4 72 00 00 00",
  PLATFORM_CONTACT_EMAIL: "contact@compagnon.fr",
  PLATFORM_PUBLICATION_DIRECTOR: "Claire Dubois, présidente",
  PLATFORM_HOST_NAME: "Hébergeur Lyonnais SAS",
  PLATFORM_HOST_ADDRESS: "5 quai Perrache, 69002 Lyon, France",
  PLATFORM_HOST_PHONE: "+33 4 78 00 00 00",
};
