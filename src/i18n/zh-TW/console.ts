export const consoleChat = {
  welcome: (p: { user: string }) => `po-bot 主控台。您目前的身分是「${p.user}」。輸入 /help 查看指令；.as <名字> 切換身分；.react <訊息編號> <表情> 按表情；.quit 離開。`,
  switched: (p: { user: string }) => `已切換為「${p.user}」。`,
  reactUsage: '用法：.react <訊息編號> <表情>，例如 .react 3 👍',
  unreactUsage: '用法：.unreact <訊息編號> <表情>，例如 .unreact 3 👍',
  joinUsage: '用法：.join <使用者>，例如 .join amy（模擬 amy 加入聊天室）',
  asUsage: '用法：.as <名字>，名字只能用英數字、底線、點或連字號',
  unknownDot: (p: { name: string }) => `不認得主控台指令 .${p.name}。可用：.as、.react、.unreact、.join、.advance、.quit`,
  advanced: (p: { when: string }) => `時間已前進，現在是 ${p.when}。`,
  fileSaved: (p: { path: string }) => `📎 檔案已存到 ${p.path}`,
  blankLine: '（只有空白）輸入 /help 查看指令，或直接打字聊天。',
  lineFailed: (p: { error: string }) => `這一行無法處理：${p.error}`,
  advanceUsage: '用法：.advance <時間長度>，例如 .advance 25h、.advance 1d2h、.advance 30m',
};
