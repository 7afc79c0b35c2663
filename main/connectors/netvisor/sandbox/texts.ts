/**
 * The simulator's error texts and HTTP statuses. Two texts are real (the Finnish unknown-partner message
 * and the English "Integration keys are not valid" from Netvisor's docs); the REQUEST_NOT_UNIQUE text
 * paraphrases the docs; every other wording is invented and UNCERTAIN.
 */

export type Language = 'FI' | 'EN' | 'SE';

type Texts = { readonly FI: string; readonly EN: string };

const pick = (texts: Texts, language: Language): string => (language === 'FI' ? texts.FI : texts.EN);

export const TEXTS = {
  // Real: seen in public fixtures in Finnish only; UNCERTAIN whether Netvisor translates it.
  unknownPartner: () => 'Integraatiokumppania ei löydy, katso dokumentaatio',
  wrongKeys: (language: Language) =>
    pick(
      {
        FI: 'Integraatioavaimet eivät kelpaa. Ole hyvä ja tarkista käyttäjä- ja kumppanikohtaiset avaimet',
        EN: 'Integration keys are not valid. Please check the keys specific to the user and partner.',
      },
      language,
    ),
  // Mimics the test server, which echoes the string it expected to be hashed (keys replaced).
  uriMismatch: (language: Language, expected: string, digest: string) =>
    pick(
      {
        FI: `URI-metodi ei kelpaa, katso dokumentaatio. Käytä MAC-tiivisteen laskentaan merkkijonoa: ${expected} :: ${digest}`,
        EN: `URI method is not valid, see the documentation. Use this string for the MAC calculation: ${expected} :: ${digest}`,
      },
      language,
    ),
  missingHeader: (language: Language, header: string) =>
    pick({ FI: `Otsake puuttuu tai ei kelpaa: ${header}`, EN: `Header missing or invalid: ${header}` }, language),
  timestamp: (language: Language) =>
    pick({ FI: 'Aikaleima ei ole sallitulla aikavälillä', EN: 'The timestamp is outside the allowed time window' }, language),
  notUnique: (language: Language) =>
    pick(
      { FI: 'Tapahtumatunnus on jo käytetty. Tunnuksen on vaihduttava joka pyynnössä', EN: 'The transaction ID has already been used. The ID must change in every request' },
      language,
    ),
  noCompany: (language: Language, businessId: string) =>
    pick({ FI: `Käyttäjällä ei ole oikeutta yritykseen ${businessId}`, EN: `The user has no access rights to the organisation ${businessId}` }, language),
  overlapping: (language: Language) =>
    pick(
      { FI: 'Asiakkaan edellinen pyyntö on vielä käsittelyssä. Lähetä yksi pyyntö kerrallaan', EN: "The customer's previous request is still being processed. Send one request at a time" },
      language,
    ),
  blocked: (language: Language, resource: string) =>
    pick(
      { FI: `Ei käyttöoikeutta rajapintaresurssiin ${resource}. Tarkista rajapintaresurssien oikeudet`, EN: `No access rights to the interface resource ${resource}. Check the rights of interface resources` },
      language,
    ),
  moduleMissing: (language: Language, resource: string) =>
    pick(
      { FI: `Resurssin ${resource} vaatima sovellus ei ole käytössä tässä yrityksessä`, EN: `The application needed by ${resource} is not in use in this company` },
      language,
    ),
  noApi: (language: Language) =>
    pick(
      { FI: 'Verkkopalvelurajapinta ei sisälly yrityksen palvelupakettiin', EN: "The web service interface is not included in the company's service plan" },
      language,
    ),
  unknownResource: (language: Language, resource: string) =>
    pick({ FI: `Tuntematon resurssi: ${resource}`, EN: `Unknown resource: ${resource}` }, language),
  writesUnsupported: () => 'The Exopen Connect sandbox only simulates read resources (GET)',
};

/**
 * HTTP statuses with UseHTTPResponseStatusCodes=1. Not published: UNCERTAIN, a plausible mapping.
 * Without the header every answer is 200 and the status lives only in the XML.
 */
export function httpStatusFor(code: string): number {
  switch (code) {
    case 'AUTHENTICATION_FAILED':
      return 401;
    case 'SERVICE_ACCESS_ERROR':
      return 403;
    case 'INVALID_DATA':
    case 'INVALID_DATA_SIZE':
      return 400;
    case 'REQUEST_NOT_UNIQUE':
    case 'DUPLICATE_DATA':
      return 409;
    case 'SYSTEM_MAINTENANCE':
    case 'SYSTEM_MAINTANANCE':
      return 503;
    default:
      return 500;
  }
}
