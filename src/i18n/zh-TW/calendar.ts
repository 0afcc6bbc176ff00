// Working days and dates: the office calendar, 行政程序法第48條, the yearless-date rule.
export const calendar = {
  /** Official holiday names are zh-TW already. */
  holidayName: (p: { name: string }) => `${p.name}`,
  /** A 補假 with the holiday it makes up for: `補假（兒童節）`. */
  substituteFor: (p: { name: string; holiday: string }) => `${p.name}（${p.holiday}）`,
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
  helpCalendar: 'close <日期> <原因> — 登記臨時停止上班的日子（如颱風假），所有期限與提醒都會避開（限主持人）',
  calendarUsage: '用法：/calendar close <日期> <原因>，例如 /calendar close 9/3 颱風停班',
  closePast: (p: { date: string }) => `${p.date} 已經過去，不能補登停班；這次沒有改變任何東西。`,
  closeAlready: (p: { date: string; why: string }) => `${p.date} 本來就不上班（${p.why}），不用登記。`,
  closed: (p: { date: string; reason: string }) => `已登記 ${p.date} 停止上班（${p.reason}）：期限與提醒都會避開這一天。`,
  closeMoved: (p: { name: string; from: string; to: string }) => `${p.name}的回應期限由 ${p.from} 順延至 ${p.to}。`,
};
