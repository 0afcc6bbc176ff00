// The Join SOP clock beyond the answer deadline: private nudges before each milestone, the
// alert when one is missed, reasons, extensions (展延) and the compliance report (issue 26).
export const sop = {
  nudgeBefore: (p: { name: string; title: string; stage: string; date: string; n: number }) =>
    `⏰ ${p.name}「${p.title}」的「${p.stage}」要在 ${p.date} 前完成（還有 ${p.n} 個工作天）。`,
  nudgeToday: (p: { name: string; title: string; stage: string; date: string }) => `⏰ ${p.name}「${p.title}」的「${p.stage}」今天（${p.date}）到期，尚未記錄完成。`,
  nudgeHow: (p: { command: string }) => `完成後請輸入（或請主持人輸入）：${p.command}`,
  nudgeLate: (p: { planned: string }) => `（這則提醒原定 ${p.planned} 送出，因機器人停機而晚到。）`,
  nudgeForFacilitators: (p: { lead: string }) => `（${p.lead}尚無確認的聯絡人，改由主持人收到這則提醒。）`,
  nudgeNoLead: '（尚未指定主辦部會，改由主持人收到這則提醒。）',
  missed: (p: { name: string; title: string; stage: string; date: string }) => `⚠️ ${p.name}「${p.title}」的「${p.stage}」期限 ${p.date} 已過，尚未記錄完成。`,
  missedAsk: (p: { n: number }) => `請主辦部會用一句話說明原因：/case ${p.n} reason <原因>`,
};
