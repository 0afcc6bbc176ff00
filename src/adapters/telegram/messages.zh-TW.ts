export const telegram = {
  truncated: '…（訊息過長，以下省略）',
  continuedInFile: '…（訊息過長，完整內容見下方附檔 message.txt）',
  addedToGroup: (p: { emoji: string }) =>
    `大家好，我是 po-bot。輸入 /help 查看指令。投票方式：按議題卡片下方的「${p.emoji} +1」按鈕；` +
    `若要用 ${p.emoji} 表情投票，請先把我設為群組管理員，Telegram 才會把表情通知我。`,
  buttonExpired: '這個按鈕已失效，請改用 /vote <議題編號>。',
};
