export const help = {
  header: 'po-bot 指令一覽（開放政府聯絡人網絡）：',
  footer: '輸入 /help <指令> 查看單一指令。投票：在議題卡片按 👍。',
  unknownTopic: (p: { name: string }) => `沒有 /${p.name} 這個指令。輸入 /help 查看所有指令。`,
  propose: '<標題> | <說明> — 提出議題，可加 #部會 標記與 Join 連署網址',
  issues: '[open|top|mine] — 列出議題（開放中／票數排行／我提的）',
  issue: '<編號> — 議題詳情與依部會分組的投票者',
  vote: '<編號> — 投票支持議題（也可在卡片按 👍）',
  unvote: '<編號> — 撤回您的投票',
  withdraw: '<編號> — 撤回議題（限提案人或主持人）',
  iam: '<部會> — 登記您代表的部會',
  agencies: '— 列出部會清單與簡稱',
  help: '[指令] — 顯示這份說明',
};
