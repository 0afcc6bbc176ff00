export const accounts = {
  helpLink: '— 連結您在另一個平台的帳號（私訊一次性代碼）；/link <代碼> 在另一平台完成連結；/link 顯示已連結的帳號',
  helpUnlink: '<平台> — 取消與該平台帳號的連結',
  privateChatOnly: '為了不讓連結代碼出現在群組裡，請私訊機器人 /link。',
  codeIssued: (p: { code: string; until: string }) =>
    `您的帳號連結代碼：${p.code}（有效至 ${p.until}，只能使用一次）。請在另一個平台私訊機器人：/link ${p.code}\n連結後兩個帳號算同一個人：同一個部會、每個議題一票；主持人權限不會跨平台帶過去。`,
  linkedWith: (p: { accounts: string }) => `這個帳號已與 ${p.accounts} 連結，算同一個人。要取消，請輸入 /unlink <平台>。`,
  codeInGroup: '連結代碼必須私訊機器人，不能在群組裡輸入：這個代碼已被其他人看到，現已作廢。請在另一個帳號輸入 /link 取得新代碼。',
  codeUnknown: '沒有這個連結代碼：請檢查是否打錯（格式如 ABCD-EFGH），或在另一個帳號輸入 /link 取得新代碼。',
  codeExpired: '這個連結代碼已過期（有效 10 分鐘）：請在另一個帳號輸入 /link 取得新代碼。',
  codeUsed: '這個連結代碼已經用過或已作廢（每個代碼只能用一次）：請在另一個帳號輸入 /link 取得新代碼。',
  selfLink: '這個代碼就是這個帳號產生的：請在另一個平台的帳號私訊機器人 /link <代碼>。',
  samePlatform: (p: { platform: string }) => `兩個帳號都在 ${p.platform}：只能連結不同平台的帳號。`,
  alreadyLinkedSelf: (p: { accounts: string; platform: string }) => `這個帳號已與 ${p.accounts} 連結；一個帳號只能連結另一個平台的一個帳號。要改連，請先輸入 /unlink ${p.platform}。`,
  alreadyLinkedOther: (p: { name: string; accounts: string }) => `產生代碼的帳號 ${p.name} 已與 ${p.accounts} 連結；請先在那裡輸入 /unlink 取消，再重新產生代碼。`,
  alreadyTogether: '這兩個帳號已經連結在一起了。',
  agencyConflict: (p: { a: string; b: string; how: string }) =>
    `兩個帳號代表不同的部會（${p.a}／${p.b}），而且${p.how}：一個人只能代表一個部會。請先用 /iam 讓兩邊一致（或請主持人 /confirm），再輸入一次代碼（代碼仍然有效）。`,
  bothConfirmed: '兩邊都已確認',
  bothClaimed: '兩邊都只是自行登記',
  linked: (p: { a: string; b: string; agency: string; joined: number }) =>
    `已連結：${p.a} 與 ${p.b} 現在算同一個人，部會：${p.agency}。` +
    (p.joined ? `兩個帳號都投過的 ${p.joined} 個議題，現在各只算一票（議題卡片會註明）。` : '') +
    '主持人權限依帳號設定，不會跨平台帶過去。',
  noAgency: '（未登記）',
  unlinkUsage: (p: { platform: string }) => `請說明要取消哪個平台的連結。用法：/unlink <平台>，這裡是 /unlink ${p.platform}`,
  notLinked: '這個帳號沒有連結其他平台的帳號。',
  notLinkedOn: (p: { platform: string; accounts: string }) => `這個帳號沒有連結 ${p.platform} 的帳號（已連結：${p.accounts}）。`,
  unlinked: (p: { accounts: string }) => `已取消與 ${p.accounts} 的連結：兩個帳號從此各自計票。之前合併的票留在較早的帳號上。`,
  account: (p: { name: string; platform: string }) => `${p.name}（${p.platform}）`,
  cardJoined: (p: { n: number }) => `🔗 其中 ${p.n} 人以兩個已連結的帳號投票，各只算一票`,
  historyJoined: (p: { name: string }) => `${p.name} 連結了兩個帳號，兩票合為一票`,
};
