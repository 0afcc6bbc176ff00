// Working days and dates: the office calendar, 行政程序法第48條, the yearless-date rule.
export const calendar = {
  /** Official holiday names are zh-TW already. */
  holidayName: (p: { name: string }) => `${p.name}`,
  saturday: '週六',
  sunday: '週日',
  /** After a deadline computed from a period: `6月19日端午節`. */
  rolledForward: (p: { day: string; why: string }) => `（${p.day}${p.why}，依行政程序法第48條順延）`,
  monthDay: (p: { month: number; day: number }) => `${p.month}月${p.day}日`,
  unofficialYear: (p: { year: number }) => `（${p.year} 年辦公日曆尚未公布，上班日為推算）`,
  pastWarning: (p: { date: string }) => `⚠️ 注意：${p.date} 已經過去，已照您寫的年份記下。`,
  pastNeedsYear: (p: { input: string; usage: string }) => `「${p.input}」是已經過去的日子。過去的日期請寫出年份（例如 2026/5/7），以免誤記。\n${p.usage}`,
  closedDueDay: (p: { date: string; why: string; before: string }) => `⚠️ ${p.date}是${p.why}，機關不上班；提醒會在前一個上班日 ${p.before} 發出。`,
  closedDeadlineDay: (p: { date: string; why: string }) => `⚠️ ${p.date}是${p.why}，機關不上班。`,
  nonWorkingDeadline: (p: { why: string }) => `（當天是${p.why}，非上班日）`,
};
