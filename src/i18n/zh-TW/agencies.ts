export const agencies = {
  unknown: (p: { name: string; suggestions: string }) =>
    `找不到部會「${p.name}」。` + (p.suggestions ? `您是不是要找：${p.suggestions}？` : '輸入 /agencies 查看部會清單。'),
  iamUsage: '用法：/iam <部會>，例如 /iam 交通部',
  iamCurrent: (p: { agency: string }) => `您目前登記的部會是「${p.agency}」。要變更請輸入 /iam <部會>。`,
  iamNone: '您尚未登記部會。請輸入 /iam <部會>，例如 /iam 交通部。',
  iamSet: (p: { agency: string }) => `已將您登記為「${p.agency}」的開放政府聯絡人。`,
  iamPending: (p: { agency: string }) => `已登記您為「${p.agency}」的聯絡人，並可投票；因為本群組有聯絡人名冊，您要等主持人以 /confirm 確認後，才能代表該部會（解除列管、被點名為聯絡人）。`,
  confirmUsage: (p: { ref: string }) => `用法：/confirm <人> <部會>，人可以是提及（@…）、${p.ref} 這樣的代號，或只有一人使用的顯示名稱，例如 /confirm 王小明 勞動部`,
  confirmNoOne: (p: { who: string; ref: string }) => `找不到「${p.who}」：對方需要先在群組裡出現過（例如輸入 /iam）。也可以用 ${p.ref} 這樣的代號指定。`,
  confirmAmbiguous: (p: { who: string; refs: string }) => `有多位「${p.who}」：${p.refs}。請改用其中一個代號。`,
  confirmDone: (p: { name: string; agency: string }) => `已確認 ${p.name} 為「${p.agency}」的開放政府聯絡人，可代表該部會。`,
  iamUnchanged: (p: { agency: string }) => `您已經登記為「${p.agency}」，不需變更。`,
  iamRosterLocked: (p: { agency: string }) => `您的部會已由管理者設定為「${p.agency}」；如需變更，請洽主持人更新名冊。`,
  listHeader: (p: { n: number }) => `部會清單（共 ${p.n} 個，標記議題時可用 #簡稱）：`,
  unaffiliated: '未登記部會',
};
