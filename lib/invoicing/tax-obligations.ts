/**
 * The administrations' pages an expert is pointed to on each payout (art. 242 bis du CGI: the
 * platform informs, on each transaction, of the tax and social obligations and links to the
 * administrations' sites). The sites' home pages, which their own navigation keeps current.
 */
export const TAX_OBLIGATION_LINKS = {
  impots: "https://www.impots.gouv.fr/professionnel",
  urssaf: "https://www.urssaf.fr/accueil/independant.html",
} as const;
