import type { PartialMessages } from './en';

/** Thai: started; every missing key falls back to English until the translation is reviewed. */
export const th: PartialMessages = {
  nav: {
    cases: 'คดี',
    evidence: 'พยานหลักฐาน',
    network: 'เครือข่าย',
    search: 'ค้นหา',
    audit: 'บันทึกการตรวจสอบ',
  },
};
