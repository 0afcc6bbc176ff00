export const common = {
  internalError: '抱歉，處理時發生內部錯誤，已記錄下來。請稍後再試，或聯絡主持人。',
  notStored: '暫時無法儲存（資料庫忙碌或空間不足），這次的操作沒有記錄下來，請稍後再試一次。',
  unknownCommand: (p: { name: string; suggestion?: string }) =>
    `不認得指令 /${p.name}。` + (p.suggestion ? `您是不是要輸入 /${p.suggestion}？` : '') + '輸入 /help 查看所有指令。',
  tooLong: (p: { max: number; actual: number }) => `輸入太長：最多 ${p.max} 字，目前 ${p.actual} 字。`,
  controlChars: '輸入含有控制字元，請移除後再試。',
  bidiChars: '輸入含有文字方向控制字元（可用來偽裝內容），請移除後再試。',
  massMention: '輸入不可包含全體提及（如 @everyone、@channel、@here）或平臺的提及語法。',
  markup: '輸入不可包含 HTML 標籤或平臺標記語法（<…>）。',
  notANumber: (p: { usage: string }) => `請提供數字編號。${p.usage}`,
  notFacilitator: '這個動作只有主持人（PDIS）可以執行。',
  listMore: (p: { n: number }) => `…還有 ${p.n} 筆`,
  pageFooter: (p: { page: number; pages: number; total: number; next: string }) => `第 ${p.page}/${p.pages} 頁，共 ${p.total} 筆。` + (p.next ? `下一頁：${p.next}` : ''),
  noSuchPage: (p: { page: number; pages: number }) => `沒有第 ${p.page} 頁：目前共 ${p.pages} 頁。`,
  none: '（無）',
  separator: '、',
  and: '、',
};
