/**
 * The newcomer's guide (issue 19). `guide` is Markdown (headings, **bold**, `code`, lists); a
 * facilitator may replace it with a file (`welcome.guideFile`), the generated lines stay.
 */
export const welcome = {
  greeting: '歡迎加入開放政府聯絡人（PO）網絡！以下是新手指南：',
  guideTitle: 'PO 新手指南',
  guide: [
    '## PO 是什麼？',
    '開放政府聯絡人（Participation Officer，PO）是各部會指派、獲充分授權的 1–3 位同仁，負責開放政府與公共參與的工作，是部會與民眾之間的「翻譯者」。',
    '',
    '## 網絡怎麼運作？',
    '- 跨部會的議題用 `/propose` 提出，大家在卡片按 👍 投票；**PO 月會**每月選出約兩個議題。',
    '- 選上的議題成為有編號的**協作案**（第一案、第二案…），由一個**主辦**部會與幾個**協辦**部會負責。',
    '- 來自 Join 平臺的提案，附議成案後部會須在 **60 天**內回應，機器人會提醒期限。',
    '- **週會**（週五，週四會前會）協作議題，**月會**報告與投票，**季會**回顧里程碑；會議決議的**列管**事項追蹤到解除列管為止。',
    '',
    '## 先做這五件事',
    '1. `/iam <部會>` 登記您代表的部會',
    '2. `/propose <標題> | <說明>` 提出需要跨部會處理的議題',
    '3. 在議題卡片按 👍 投票支持',
    '4. `/cases` 看進行中的協作案',
    '5. `/help` 看所有指令',
  ].join('\n'),
  meetingsHeader: '接下來的會議',
  noMeetings: '目前沒有排定的會議。',
  agencyHeader: (p: { agency: string }) => `${p.agency}的協作案與列管事項（期限近的在前）`,
  agencyNothing: (p: { agency: string }) => `${p.agency}目前沒有進行中的協作案或列管事項。`,
  registerHint: '用 /iam <部會> 登記您的部會後，這裡會列出貴部會進行中的協作案與列管事項。',
  short: '歡迎加入開放政府聯絡人（PO）網絡！輸入 /guide 看 PO 是什麼、要做什麼、有哪些工具；先用 /iam <部會> 登記您的部會。',
};
