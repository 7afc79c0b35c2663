/**
 * Exopen's PartnerSearchIdentifier: the public key a Netvisor admin searches for under Rights of interface
 * resources › Custom integrations to find Exopen's integration. Not a secret, and not the PartnerId header.
 */
export const PARTNER_SEARCH_KEY = '10DF2FEE83FE7AF6A7904255AF607A6E';
