export const slack = {
  appDescription: '開放政府聯絡人（PO）網絡的議題提案與表情投票機器人',
  notInChannel: '機器人不在這個頻道，無法張貼卡片（Slack 錯誤碼：not_in_channel）。請先在頻道輸入 /invite @po-bot 邀請它加入；已儲存的內容不會遺失，可用 /issues 查看。',
  channelNotFound: '機器人看不到這個頻道（Slack 錯誤碼：channel_not_found）。請在一般頻道使用指令，並先用 /invite @po-bot 邀請機器人加入。',
  apiError: (p: { code: string }) => `Slack 拒絕了這則訊息（錯誤碼：${p.code}），沒有送出。已儲存的內容不會遺失；若一直發生，請聯絡主持人。`,
  rateLimited: 'Slack 目前限制機器人的發送頻率，這則訊息沒有送出。已儲存的內容不會遺失，請稍後再試。',
  unreachable: '暫時無法連上 Slack，這則訊息沒有送出。已儲存的內容不會遺失，請稍後再試。',
  attachment: (p: { filename: string }) => `附件：${p.filename}`,
  attachmentTruncated: (p: { filename: string }) => `附件：${p.filename}（內容過長，僅顯示開頭）`,
};
