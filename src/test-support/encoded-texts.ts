/**
 * Sentences of our own in ten scripts and languages, and the legacy encodings they were commonly
 * saved in, for the decoding tests: each text must come back exactly as written.
 */
import iconv from 'iconv-lite'

export const SENTENCES = {
  russian:
    'Вчера вечером в порту Эверли прошло заседание городского совета. Депутаты обсуждали ремонт причала и новые правила для рыбаков. Мэр пообещал, что работы начнутся весной, а жители смогут следить за ходом строительства.',
  greek:
    'Χθες το βράδυ το δημοτικό συμβούλιο συνεδρίασε στο λιμάνι της πόλης. Οι σύμβουλοι συζήτησαν την επισκευή της προβλήτας και τους νέους κανόνες για τους ψαράδες. Ο δήμαρχος υποσχέθηκε ότι οι εργασίες θα ξεκινήσουν την άνοιξη.',
  hebrew:
    'אתמול בערב התכנסה מועצת העיר בנמל. חברי המועצה דנו בתיקון המזח ובכללים החדשים לדייגים. ראש העיר הבטיח שהעבודות יתחילו באביב ושהתושבים יוכלו לעקוב אחר ההתקדמות.',
  arabic:
    'اجتمع مجلس المدينة مساء أمس في الميناء. ناقش الأعضاء إصلاح الرصيف والقواعد الجديدة للصيادين. ووعد رئيس البلدية بأن تبدأ الأعمال في الربيع وأن يتمكن السكان من متابعة التقدم.',
  polish:
    'Wczoraj wieczorem w porcie zebrała się rada miasta. Radni rozmawiali o naprawie nabrzeża i nowych zasadach dla rybaków. Burmistrz obiecał, że prace ruszą wiosną, a mieszkańcy będą mogli śledzić postęp budowy. Źródła podają, że koszt przekroczy milion złotych.',
  turkish:
    'Dün akşam şehir meclisi limanda toplandı. Meclis üyeleri iskelenin onarımını ve balıkçılar için yeni kuralları görüştü. Belediye başkanı çalışmaların ilkbaharda başlayacağına ve sakinlerin ilerlemeyi izleyebileceğine söz verdi.',
  chinese:
    '昨天晚上，市议会在港口召开会议。议员们讨论了码头的修复工作以及渔民的新规定。市长承诺工程将在春天开始，居民可以随时了解工程进展。',
  chineseTraditional:
    '昨天晚上，市議會在港口召開會議。議員們討論了碼頭的修復工作以及漁民的新規定。市長承諾工程將在春天開始，居民可以隨時了解工程進展。',
  japanese:
    '昨日の夜、市議会が港で開かれました。議員たちは桟橋の修理と漁師のための新しい規則について話し合いました。市長は、工事が春に始まり、住民は進み具合を確認できると約束しました。',
  korean:
    '어젯밤 시의회가 항구에서 열렸습니다. 의원들은 부두 수리와 어민들을 위한 새로운 규칙에 대해 논의했습니다. 시장은 공사가 봄에 시작될 것이며 주민들이 진행 상황을 확인할 수 있다고 약속했습니다.',
  thai: 'เมื่อคืนนี้สภาเมืองได้ประชุมกันที่ท่าเรือ สมาชิกสภาได้หารือเรื่องการซ่อมแซมท่าเทียบเรือและกฎใหม่สำหรับชาวประมง นายกเทศมนตรีสัญญาว่างานจะเริ่มในฤดูใบไม้ผลิ',
  french:
    'Le conseil municipal s’est réuni hier soir au port. Les élus ont discuté de la réparation du quai et des nouvelles règles pour les pêcheurs — « un chantier long », a prévenu le maire.'
} as const

export type Language = keyof typeof SENTENCES

/** [language, encoding]: each text in the encodings it is found in, WHATWG names. */
export const LEGACY_CASES: [Language, string][] = [
  ['russian', 'windows-1251'],
  ['russian', 'koi8-r'],
  ['russian', 'iso-8859-5'],
  ['russian', 'ibm866'],
  ['greek', 'windows-1253'],
  ['greek', 'iso-8859-7'],
  ['hebrew', 'windows-1255'],
  ['hebrew', 'iso-8859-8'],
  ['arabic', 'windows-1256'],
  ['arabic', 'iso-8859-6'],
  ['polish', 'windows-1250'],
  ['polish', 'iso-8859-2'],
  ['turkish', 'windows-1254'],
  ['chinese', 'gb18030'],
  ['chinese', 'gbk'],
  ['chineseTraditional', 'big5'],
  ['japanese', 'shift_jis'],
  ['japanese', 'euc-jp'],
  ['korean', 'euc-kr'],
  ['thai', 'windows-874'],
  ['french', 'windows-1252']
]

/** The text of `language` in `encoding`, as bytes (iconv-lite: an encoder independent of our decoder). */
export function encode(text: string, encoding: string, bom = false): Uint8Array {
  return new Uint8Array(iconv.encode(text, encoding, { addBOM: bom }))
}

/** A few paragraphs: the text as a file would hold it (the detector needs more than one sentence). */
export function legacyText(language: Language): string {
  return `${SENTENCES[language]}\n\n${SENTENCES[language]}\n`
}
