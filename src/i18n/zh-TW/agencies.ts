export const agencies = {
  unknown: (p: { name: string; suggestions: string }) =>
    `找不到部會「${p.name}」。` + (p.suggestions ? `您是不是要找：${p.suggestions}？` : '輸入 /agencies 查看部會清單。'),
  iamUsage: '用法：/iam <部會>，例如 /iam 交通部',
  iamCurrent: (p: { agency: string }) => `您目前登記的部會是「${p.agency}」。要變更請輸入 /iam <部會>。`,
  iamNone: '您尚未登記部會。請輸入 /iam <部會>，例如 /iam 交通部。',
  iamSet: (p: { agency: string }) => `已將您登記為「${p.agency}」的開放政府聯絡人。`,
  iamUnchanged: (p: { agency: string }) => `您已經登記為「${p.agency}」，不需變更。`,
  iamRosterLocked: (p: { agency: string }) => `您的部會已由管理者設定為「${p.agency}」；如需變更，請洽主持人更新名冊。`,
  listHeader: (p: { n: number }) => `部會清單（共 ${p.n} 個，標記議題時可用 #簡稱）：`,
  unaffiliated: '未登記部會',
};
