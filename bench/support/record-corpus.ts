/**
 * zh-TW text with the shape of a PO network's record, for the web bench's search: words drawn
 * with Zipf-like frequencies (a few very common, most rare), so queries meet common and rare
 * words as they would in nine years of minutes. Deterministic (seeded).
 */
const COMMON = ['協作會議', '部會', '回覆', '資料', '提案', '進度', '會議', '說明', '討論', '建議', '處理', '確認', '聯絡人', '期限', '下次', '本案', '主辦', '協辦', '公文', '民眾'];
const MIDDLE = [
  '開放政府', '數位發展部', '交通部', '勞動部', '衛福部', '內政部', '教育部', '經濟部', '環境部', '國發會', '行政院', '公共政策網路參與平臺', '附議', '連署', '回應', '時程', '會前會', '分工',
  '預算', '法規', '修正草案', '意見徵詢', '利害關係人', '工作坊', '逐字稿', '會議紀錄', '列管', '解除列管', '補充資料', '函文', '簽辦', '專案', '試辦', '評估', '統計', '平台', '系統', '服務',
];
const RARE = [
  '國旅卡', '職災保險', '長照據點', '健保卡', '停車格', '校園午餐', '電動機車', '充電樁', '空氣品質', '噪音管制', '身障者', '無障礙', '育兒津貼', '租屋補貼', '公共運輸', '自行車道', '垃圾分類', '食品標示',
  '動物保護', '農藥殘留', '海洋垃圾', '綠能', '淨零', '資安', '個資', '開放資料', 'API', 'MOTC', 'MOL', 'open data', '防疫', '疫苗', '災防', '颱風', '地震', '水庫', '登革熱', '流感',
];
const GLUE = ['的', '是', '在', '與', '和', '請', '已', '將', '再', '於', '，', '。', '、', '也', '就', '要', '會', '有', '可以', '我們'];

export class Words {
  private seed: number;
  constructor(seed = 20261201) {
    this.seed = seed;
  }
  /** Mulberry32: fast, seeded, good enough for text. */
  next(): number {
    let t = (this.seed = (this.seed + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  pick<T>(list: readonly T[]): T {
    // Squared: earlier entries come up more often (a rough Zipf).
    return list[Math.floor(this.next() ** 2 * list.length)]!;
  }
  word(): string {
    const r = this.next();
    return r < 0.5 ? this.pick(GLUE) : r < 0.8 ? this.pick(COMMON) : r < 0.97 ? this.pick(MIDDLE) : this.pick(RARE);
  }
  /** A speech of some 15–90 characters. */
  sentence(min = 15, max = 90): string {
    const len = min + Math.floor(this.next() * (max - min));
    let s = '';
    while ([...s].length < len) s += this.word();
    return s;
  }
}
