/**
 * Which finding keeps a span that several patterns claim. Specific evidence beats generic
 * shape: a checksum or a keyword says more than a number that merely fits a phone plan, so
 * "account 081-234-5678" is an account and a Thai ID number is not read as a phone.
 */
export const PRIORITY = {
  wallet: 101,
  email: 100,
  iban: 95,
  handleUrl: 92,
  documentChecksum: 90,
  accountKeyword: 85,
  documentKeyword: 84,
  date: 70,
  money: 68,
  accountPattern: 66,
  vehicle: 62,
  phone: 60,
  handle: 55,
  nameKnown: 50,
  nameTitle: 40,
  organization: 36,
  place: 34,
  nameCapitalised: 30,
} as const;
