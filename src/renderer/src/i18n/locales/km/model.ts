import type { model as en } from '../en/model';
import type { SingleFormTranslation } from '../shape';

/** ពាក្យនៃគំរូសំណុំរឿង (ប្រភេទ តួនាទី ប្រភេទតំណភ្ជាប់) ដែលគ្រប់ទិដ្ឋភាពប្រើរួមគ្នា។ */
export const model: SingleFormTranslation<typeof en> = {
  kind: {
    person: 'បុគ្គល',
    organization: 'អង្គការ',
    phone: 'ទូរសព្ទ',
    bankAccount: 'គណនីធនាគារ',
    vehicle: 'យានជំនិះ',
    address: 'អាសយដ្ឋាន',
    identityDocument: 'ឯកសារអត្តសញ្ញាណ',
    onlineAccount: 'គណនីអនឡាញ',
  },
  role: {
    suspect: 'ជនសង្ស័យ',
    recruiter: 'អ្នកជ្រើសរើស',
    broker: 'មេខ្យល់',
    transporter: 'អ្នកដឹកជញ្ជូន',
    financier: 'អ្នកផ្តល់ហិរញ្ញប្បទាន',
    official: 'មន្ត្រី',
    victim: 'ជនរងគ្រោះ',
    witness: 'សាក្សី',
  },
  linkType: {
    recruited: 'បានជ្រើសរើស',
    transported: 'បានដឹកជញ្ជូន',
    harboured: 'បានលាក់ទុក',
    employed: 'បានជួល',
    paid: 'បានបង់ប្រាក់',
    called: 'បានហៅទូរសព្ទ',
    owns: 'ជាម្ចាស់',
    memberOf: 'ជាសមាជិកនៃ',
    worksFor: 'ធ្វើការឱ្យ',
    family: 'សាច់ញាតិ',
    associate: 'អ្នកពាក់ព័ន្ធ',
    colludedWith: 'សមគំនិតជាមួយ',
    other: 'ផ្សេងទៀត',
  },
};
