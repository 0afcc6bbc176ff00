export const telegram = {
  truncated: '…（訊息過長，以下省略）',
  continuedInFile: '…（訊息過長，完整內容見下方附檔 message.txt）',
  addedToGroup: (p: { emoji: string }) =>
    `大家好，我是 po-bot。輸入 /help 查看指令。投票方式：按議題卡片下方的「${p.emoji} +1」按鈕；` +
    `若要用 ${p.emoji} 表情投票，請先把我設為群組管理員，Telegram 才會把表情通知我。`,
  buttonExpired: '這個按鈕已失效，請改用 /vote <議題編號>。',
  privateWaiting: (p: { link: string }) =>
    `：我有一則只給你的私訊（內容不在這裡公開）。Telegram 只讓機器人私訊按過「開始」的人：請開啟 ${p.link} 按「開始」，我就會把它私訊給你，之後的也會直接私訊。`,
};
