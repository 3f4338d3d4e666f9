import type { model as en } from '../en/model';
import type { SingleFormTranslation } from '../shape';

/** คำของแบบจำลองคดี (ประเภท บทบาท ประเภทความเชื่อมโยง) ที่ทุกหน้าจอใช้ร่วมกัน */
export const model: SingleFormTranslation<typeof en> = {
  kind: {
    person: 'บุคคล',
    organization: 'องค์กร',
    phone: 'โทรศัพท์',
    bankAccount: 'บัญชีธนาคาร',
    vehicle: 'ยานพาหนะ',
    address: 'ที่อยู่',
    identityDocument: 'เอกสารแสดงตน',
    onlineAccount: 'บัญชีออนไลน์',
  },
  role: {
    suspect: 'ผู้ต้องสงสัย',
    recruiter: 'ผู้จัดหา',
    broker: 'นายหน้า',
    transporter: 'ผู้ขนส่ง',
    financier: 'ผู้สนับสนุนทางการเงิน',
    official: 'เจ้าหน้าที่รัฐ',
    victim: 'ผู้เสียหาย',
    witness: 'พยานบุคคล',
  },
  linkType: {
    recruited: 'จัดหา',
    transported: 'ขนส่ง',
    harboured: 'ให้ที่พักพิง',
    employed: 'จ้างงาน',
    paid: 'จ่ายเงิน',
    called: 'โทรหา',
    owns: 'เป็นเจ้าของ',
    memberOf: 'เป็นสมาชิกของ',
    worksFor: 'ทำงานให้',
    family: 'ครอบครัว',
    associate: 'ผู้เกี่ยวข้อง',
    colludedWith: 'สมรู้ร่วมคิดกับ',
    other: 'อื่นๆ',
  },
};
