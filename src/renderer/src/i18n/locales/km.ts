import type { PartialMessages } from './en';

/** Khmer: started; every missing key falls back to English until the translation is reviewed. */
export const km: PartialMessages = {
  nav: {
    cases: 'សំណុំរឿង',
    evidence: 'ភស្តុតាង',
    network: 'បណ្តាញ',
    search: 'ស្វែងរក',
    audit: 'សវនកម្ម',
  },
};
