import { say } from '../cases/helpers';
import type { TestApp } from '../support/app';

/**
 * A small zh-TW record with known answers: five proposals (one became 第一案), a timeline note,
 * a follow-up item, and an ended meeting with speeches and a decision.
 */
export async function seedCorpus(a: TestApp): Promise<void> {
  await say(a, 'amy', '/iam 交通部');
  await say(a, 'bob', '/iam 勞動部');
  await say(a, 'amy', '/propose 國旅卡使用期限延長 | 建議延長國民旅遊卡的使用期限，並放寬特約商店。');
  await say(a, 'bob', '/propose 職災保險申請流程簡化 #勞動部');
  await say(a, 'amy', '/propose 開放資料 API 標準化 | Open Data for everyone');
  await say(a, 'amy', '/propose MOTC 公共運輸資料品質 #交通部');
  await say(a, 'bob', '/propose 長照據點查詢服務');
  await say(a, 'pdis', '/select 2');
  await say(a, 'pdis', '/case 1 note 已函請勞動部說明職災給付');
  await say(a, 'pdis', '/action 第一案 勞動部 提供職災統計 due 2026-12-20');
  await say(a, 'pdis', '/startmeeting 十二月協作會議');
  await say(a, 'pdis', '/topic 第一案');
  await say(a, 'amy', '國旅卡的問題下次再談');
  await say(a, 'bob', '勞保局已經回覆了');
  await say(a, 'pdis', '/decision 請勞動部於兩週內回覆');
  await say(a, 'pdis', '/endmeeting');
}
