import type { search as en } from '../en/search';
import type { SingleFormTranslation } from '../shape';

/** ข้อความภาษาไทยของหน้าค้นหา */
export const search: SingleFormTranslation<typeof en> = {
  title: 'ค้นหา',
  emptyTitle: 'ค้นหาในคดี',
  emptyBody:
    'การค้นหาจะพบชื่อ หมายเลขโทรศัพท์ บัญชี และคำ ในทุกหน้า ทุกองค์ประกอบ และทุกบันทึกย่อของคดีที่เปิดอยู่ ทั้งอักษรละติน ไทย และเขมร',
  placeholder: 'ค้นหาชื่อ โทรศัพท์ บัญชี คำ…',
  label: 'ค้นหาในคดีที่เปิดอยู่',
  keyboardHint: 'กด / เพื่อค้นหาได้จากทุกที่ในหน้านี้ กด ↑ และ ↓ เพื่อเลื่อนดูผลลัพธ์ และกด Enter เพื่อเปิด',
  indexing: 'กำลังเตรียมการค้นหาของคดีนี้…',
  indexed_other: 'ค้นหาได้ {{count}} รายการ (หน้า ชื่อ และบันทึกย่อ)',
  nothingIndexedTitle: 'ยังไม่มีสิ่งที่จะค้นหา',
  nothingIndexedBody:
    'คดีนี้ยังไม่มีข้อความของหน้า บุคคล หรือบันทึกย่อ เพิ่มพยานหลักฐาน (หน้าต่างๆ จะถูกอ่านด้วย OCR) หรือบุคคลและความเชื่อมโยง แล้วจะค้นหาได้ทันที',
  noResultsTitle: 'ไม่พบผลลัพธ์สำหรับ “{{query}}”',
  noResultsBody:
    'ทุกคำที่คุณพิมพ์ต้องปรากฏในหน้า ชื่อ หรือบันทึกย่อเดียวกัน ลองใช้คำให้น้อยลง สะกดแบบอื่น หรือพิมพ์ชื่อด้วยอักษรอื่น',
  groups: {
    page: 'หน้า',
    entity: 'บุคคลและองค์ประกอบ',
    note: 'บันทึกย่อ',
  },
  groupCount: '{{shown}} จาก {{total}}',
  pageTitle: 'วัตถุพยาน {{exhibit}} หน้า {{page}}',
  unknownExhibit: 'วัตถุพยานที่ไม่ทราบ',
  unnamed: '(ไม่มีชื่อ)',
  noteOfEntity: 'บันทึกย่อเกี่ยวกับ {{name}}',
  noteOfLink: 'บันทึกย่อเกี่ยวกับความเชื่อมโยง {{source}} – {{target}}',
  failed: 'เตรียมการค้นหาไม่ได้: {{message}}',
};
