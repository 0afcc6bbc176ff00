export const slack = {
  appDescription: '開放政府聯絡人（PO）網絡的議題提案與表情投票機器人',
  notInChannel: '機器人不在這個頻道，卡片還沒貼出（Slack 錯誤碼：not_in_channel）。請在頻道輸入 /invite @po-bot 邀請它加入；主持人已收到通知，邀請後可重新送出卡片。已儲存的內容不會遺失，可用 /issues 查看。',
  channelNotFound: '機器人看不到這個頻道，卡片無法貼出（Slack 錯誤碼：channel_not_found）。請在一般頻道使用指令，並先用 /invite @po-bot 邀請機器人加入；已儲存的內容不會遺失，可用 /issues 查看。',
  apiError: (p: { code: string }) => `Slack 拒絕了這則訊息（錯誤碼：${p.code}），沒有貼出。已儲存的內容不會遺失，可用 /issues 查看；若一直發生，請聯絡主持人。`,
  retrying: (p: { code: string }) => `Slack 暫時無法接收這則訊息（${p.code}），稍後會自動重送；已儲存的內容不會遺失。`,
  fileFailed: (p: { code: string }) => `檔案無法上傳到頻道（Slack 錯誤碼：${p.code}），以下是檔案內容：`,
  attachment: (p: { filename: string }) => `附件：${p.filename}`,
  cardTrimmed: '（卡片內容超過 Slack 單則訊息的上限，其餘文字請用對應的查詢指令查看）',
};
