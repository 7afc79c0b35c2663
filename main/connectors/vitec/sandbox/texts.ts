/**
 * The simulator's vendor texts. UNCERTAIN: Vitec Ekonomi's real messages are unpublished; Swedish, since
 * the product is, so the assistant is seen showing the vendor's words beside its own English explanation.
 */
import { SANDBOX_DOMAIN_HEADER, VITEC_HOST_SUFFIX } from '../assumedApi';

export const TEXTS = {
  unknownDomain: (domain: string) => `Installationen ${domain}${VITEC_HOST_SUFFIX} finns inte.`,
  noDomain: () => `Ingen installation angiven (skicka ${SANDBOX_DOMAIN_HEADER} i sandlådan).`,
  invalidCredentials: () => 'Felaktigt användarnamn eller lösenord.',
  userLocked: (username: string) => `Användaren ${username} är låst. Kontakta din administratör.`,
  passwordExpired: (username: string) => `Lösenordet för ${username} har gått ut.`,
  unknownIntegration: (id: string) => `Det finns ingen integration med id ${id}.`,
  noCompany: (id: string) => `Företaget ${id} finns inte eller saknar behörighet.`,
  companyUnavailable: (id: string) => `Företaget ${id} kunde inte öppnas just nu. Försök igen senare.`,
  notFound: (path: string) => `Resursen ${path} finns inte.`,
  readOnly: () => 'Endast läsning (GET) stöds.',
} as const;
