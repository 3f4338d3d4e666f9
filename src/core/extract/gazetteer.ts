/**
 * Places of Cambodia and Thailand that trafficking cases name most: provinces, the border
 * districts and towns, and the crossings, each in Latin (the usual romanisations, several
 * where spellings differ), Khmer and Thai. Shipped with the app: nothing is looked up at run
 * time. Latin and native spellings are those of the countries' own usage (UNGEGN/RTGS and
 * the official names); the other country's spelling is the one its press uses. An entry may
 * lack a spelling in a script where none is settled.
 */
export type PlaceType = 'province' | 'district' | 'city' | 'crossing';

export type Place = Readonly<{
  /** The canonical Latin name. */
  name: string;
  type: PlaceType;
  country: 'KH' | 'TH';
  /** The province it lies in (its own name for a province). */
  province: string;
  latin: readonly string[];
  khmer: readonly string[];
  thai: readonly string[];
}>;

const p = (
  name: string,
  type: PlaceType,
  country: 'KH' | 'TH',
  province: string,
  latin: readonly string[],
  khmer: readonly string[],
  thai: readonly string[],
): Place => ({ name, type, country, province, latin: [name, ...latin], khmer, thai });

export const GAZETTEER: readonly Place[] = [
  // Cambodia: provinces.
  p('Phnom Penh', 'province', 'KH', 'Phnom Penh', [], ['ភ្នំពេញ'], ['พนมเปญ']),
  p(
    'Banteay Meanchey',
    'province',
    'KH',
    'Banteay Meanchey',
    ['Banteay Mean Chey'],
    ['បន្ទាយមានជ័យ'],
    ['บันทายมีชัย', 'บันเตียเมียนเจย'],
  ),
  p(
    'Battambang',
    'province',
    'KH',
    'Battambang',
    ['Battam Bang', 'Batdambang'],
    ['បាត់ដំបង'],
    ['พระตะบอง'],
  ),
  p('Siem Reap', 'province', 'KH', 'Siem Reap', ['Siemreap'], ['សៀមរាប'], ['เสียมราฐ']),
  p('Koh Kong', 'province', 'KH', 'Koh Kong', ['Kaoh Kong'], ['កោះកុង'], ['เกาะกง']),
  p(
    'Oddar Meanchey',
    'province',
    'KH',
    'Oddar Meanchey',
    ['Otdar Meanchey', 'Oddar Mean Chey'],
    ['ឧត្តរមានជ័យ'],
    ['อุดรมีชัย'],
  ),
  p('Pailin', 'province', 'KH', 'Pailin', [], ['ប៉ៃលិន'], ['ไพลิน']),
  p('Preah Vihear', 'province', 'KH', 'Preah Vihear', [], ['ព្រះវិហារ'], ['พระวิหาร']),
  p(
    'Preah Sihanouk',
    'province',
    'KH',
    'Preah Sihanouk',
    ['Sihanoukville', 'Kampong Som'],
    ['ព្រះសីហនុ'],
    ['พระสีหนุ', 'สีหนุวิลล์'],
  ),
  p('Kampot', 'province', 'KH', 'Kampot', [], ['កំពត'], ['กำปอด']),
  p('Kandal', 'province', 'KH', 'Kandal', [], ['កណ្ដាល', 'កណ្តាល'], ['กันดาล']),
  p('Takeo', 'province', 'KH', 'Takeo', [], ['តាកែវ'], ['ตาแก้ว']),
  p('Svay Rieng', 'province', 'KH', 'Svay Rieng', [], ['ស្វាយរៀង'], ['สวายเรียง']),
  p('Prey Veng', 'province', 'KH', 'Prey Veng', [], ['ព្រៃវែង'], ['ไพรแวง']),
  p('Kampong Cham', 'province', 'KH', 'Kampong Cham', ['Kompong Cham'], ['កំពង់ចាម'], ['กำปงจาม']),
  p('Pursat', 'province', 'KH', 'Pursat', ['Pouthisat'], ['ពោធិ៍សាត់'], ['โพธิสัตว์']),
  p('Kampong Speu', 'province', 'KH', 'Kampong Speu', [], ['កំពង់ស្ពឺ'], ['กำปงสปือ']),
  // Cambodia: border towns and crossings.
  p(
    'Poipet',
    'crossing',
    'KH',
    'Banteay Meanchey',
    ['Poi Pet', 'Paoy Paet'],
    ['ប៉ោយប៉ែត'],
    ['ปอยเปต'],
  ),
  p(
    "O'Smach",
    'crossing',
    'KH',
    'Oddar Meanchey',
    ['O Smach', 'Osmach'],
    ['អូរស្មាច់'],
    ['โอร์เสม็ด', 'โอเสม็ด'],
  ),
  p('Cham Yeam', 'crossing', 'KH', 'Koh Kong', [], ['ចាំយាម'], ['จามเยียม']),
  p('Bavet', 'crossing', 'KH', 'Svay Rieng', [], ['បាវិត'], ['บาเวต']),
  // Thailand: provinces.
  p(
    'Bangkok',
    'province',
    'TH',
    'Bangkok',
    ['Krung Thep'],
    ['បាងកក'],
    ['กรุงเทพมหานคร', 'กรุงเทพฯ', 'กรุงเทพ'],
  ),
  p(
    'Sa Kaeo',
    'province',
    'TH',
    'Sa Kaeo',
    ['Sa Kaew', 'Srakaew', 'Sakaeo'],
    ['ស្រះកែវ'],
    ['สระแก้ว'],
  ),
  p('Chanthaburi', 'province', 'TH', 'Chanthaburi', ['Chantaburi'], ['ចន្ទបុរី'], ['จันทบุรี']),
  p('Trat', 'province', 'TH', 'Trat', [], ['ត្រាត'], ['ตราด']),
  p('Surin', 'province', 'TH', 'Surin', [], ['សុរិន្ទ'], ['สุรินทร์']),
  p('Sisaket', 'province', 'TH', 'Sisaket', ['Si Sa Ket'], ['ស៊ីសាកេត'], ['ศรีสะเกษ']),
  p('Chonburi', 'province', 'TH', 'Chonburi', ['Chon Buri'], ['ជលបុរី'], ['ชลบุรี']),
  p('Rayong', 'province', 'TH', 'Rayong', [], ['រ៉ាយ៉ុង'], ['ระยอง']),
  p('Chiang Mai', 'province', 'TH', 'Chiang Mai', [], ['ឈៀងម៉ៃ'], ['เชียงใหม่']),
  p('Samut Sakhon', 'province', 'TH', 'Samut Sakhon', ['Mahachai'], ['សាមុតសាខន'], ['สมุทรสาคร']),
  p('Songkhla', 'province', 'TH', 'Songkhla', [], ['សុងខ្លា'], ['สงขลา']),
  p('Tak', 'province', 'TH', 'Tak', [], [], ['จังหวัดตาก']),
  // Thailand: border districts, towns and crossings.
  p(
    'Aranyaprathet',
    'district',
    'TH',
    'Sa Kaeo',
    ['Aranya Prathet', 'Aranyaprathes'],
    ['អារញ្ញប្រទេស'],
    ['อรัญประเทศ'],
  ),
  p(
    'Rong Kluea',
    'crossing',
    'TH',
    'Sa Kaeo',
    ['Rong Klua', 'Rong Kluea Market'],
    ['រ៉ុងក្លឿ'],
    ['โรงเกลือ'],
  ),
  p('Khlong Luek', 'crossing', 'TH', 'Sa Kaeo', ['Klong Luek', 'Khlong Luak'], [], ['คลองลึก']),
  p('Khlong Yai', 'district', 'TH', 'Trat', [], ['ខ្លងយ៉ៃ'], ['คลองใหญ่']),
  p('Hat Lek', 'crossing', 'TH', 'Trat', ['Had Lek'], ['ហាតលេក'], ['หาดเล็ก']),
  p('Chong Chom', 'crossing', 'TH', 'Surin', [], ['ចុងចម'], ['ช่องจอม']),
  p('Ban Laem', 'crossing', 'TH', 'Chanthaburi', [], ['បានលែម'], ['บ้านแหลม']),
  p('Pattaya', 'city', 'TH', 'Chonburi', [], ['ប៉ាតាយ៉ា'], ['พัทยา']),
  p('Mae Sot', 'crossing', 'TH', 'Tak', [], [], ['แม่สอด']),
];
