/**
 * Invented Swedish companies for the scenarios: unique names for up to 1 000 companies per installation, and
 * organisation numbers (organisationsnummer) with a correct Luhn check digit.
 */
const FAMILY = ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson', 'Pettersson', 'Jonsson', 'Jansson', 'Hansson', 'Bengtsson', 'Lindberg', 'Lindqvist', 'Lindgren', 'Berg', 'Bergström', 'Lundgren', 'Lundberg', 'Mattsson', 'Holm', 'Sandberg'];
const TRADE = ['Bygg', 'Fastigheter', 'Konsult', 'Transport', 'El', 'Redovisning', 'Måleri', 'Handel', 'VVS', 'Data'];
const PLACE = ['', ' Norr', ' Syd', ' Väst'];

/** The n-th company name (0-based); distinct for n < 1 000. */
export function companyName(n: number): string {
  const family = FAMILY[n % FAMILY.length];
  const trade = TRADE[Math.floor(n / FAMILY.length) % TRADE.length];
  const place = PLACE[Math.floor(n / (FAMILY.length * TRADE.length)) % PLACE.length];
  return `${family} ${trade}${place} AB`;
}

/** Luhn over the nine digits, weights 2,1,2,… from the left, as Bolagsverket computes it. */
export function luhnDigit(nine: string): number {
  let sum = 0;
  for (let i = 0; i < nine.length; i++) {
    const product = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

/** `559xxx-xxxx`: aktiebolag numbers start with 55; deterministic per (installation seed, company). */
export function orgNumber(seed: number, n: number): string {
  const middle = String(100_000 + ((seed * 7_919 + n * 104_729) % 900_000));
  const nine = `559${middle}`;
  return `${nine.slice(0, 6)}-${nine.slice(6)}${luhnDigit(nine)}`;
}

/** Company ids as the simulator hands them out: 1001, 1002, … (UNCERTAIN: Vitec's real id format). */
export const companyId = (position: number): string => String(1000 + position);
