// What the outbox tells facilitators about a message a platform refused for good.
export const delivery = {
  deadLetter: (p: { id: number; chat: string; code: string }) =>
    `⚠️ 有一則訊息無法送到 ${p.chat}：平台拒絕了它（${p.code}），重送也不會成功，所以已停止重送，保留為待處理的第 ${p.id} 筆。` +
    `問題排除後（例如把機器人加回頻道），請管理者執行 npm run outbox -- retry ${p.id} 重新送出；清單：npm run outbox -- list。之後同一個聊天室再被拒絕的訊息不會另行通知。`,
};
