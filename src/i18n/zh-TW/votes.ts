export const votes = {
  voteUsage: '用法：/vote <議題編號>，例如 /vote 12',
  unvoteUsage: '用法：/unvote <議題編號>，例如 /unvote 12',
  cast: (p: { id: number; votes: number; agencies: number }) => `已投票支持議題 #${p.id}（目前 ${p.votes} 票，來自 ${p.agencies} 個部會）。`,
  already: (p: { id: number }) => `您已經投過議題 #${p.id}，一人一票，不會重複計算。`,
  withdrawn: (p: { id: number }) => `已撤回您對議題 #${p.id} 的投票。`,
  notVoted: (p: { id: number }) => `您尚未對議題 #${p.id} 投票。`,
  closed: (p: { id: number }) => `議題 #${p.id} 已撤回，不能再投票。`,
  merged: (p: { id: number; into: number }) => `議題 #${p.id} 已併入議題 #${p.into}，請改投 /vote ${p.into}。`,
  selected: (p: { id: number; name: string; n: number }) => `議題 #${p.id} 已成案：${p.name}，不再接受投票。進度請見 /case ${p.n}。`,
  noAgencyHint: '提醒：您尚未登記部會（/iam <部會>），依部會計票時這一票不會計入。',
};
