import { say } from '../cases/helpers';
import type { WebSite } from './support';

/** A proposal never selected as a case: internal, so no public body may contain its title. */
export const INTERNAL_TITLE = '內部提案甲乙丙：預算科目調整';
export const CASE_TITLE = '公務人員組工會';
/** A chat line recorded verbatim in the minutes (messages are not checked for markup). */
export const HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';

/**
 * A small network's record: two POs, a case with agencies, deadline, petition and an overdue
 * follow-up item, ended minutes with a decision and a hostile line, an upcoming meeting, and
 * an internal proposal with votes.
 */
export async function seed(s: WebSite): Promise<void> {
  const a = s.app;
  await say(a, 'amy', '/iam 交通部');
  await say(a, 'bob', '/iam 勞動部');
  await say(a, 'amy', `/propose ${CASE_TITLE} #勞動部 https://join.gov.tw/idea/detail/42`);
  await say(a, 'bob', `/propose ${INTERNAL_TITLE}`);
  await say(a, 'amy', '/vote 2');
  await say(a, 'bob', '/vote 2');
  await say(a, 'pdis', '/select 1');
  await say(a, 'pdis', '/case 1 lead 交通部 co 勞動部');
  await say(a, 'pdis', '/case 1 deadline 2026-12-20');
  await say(a, 'pdis', '/case 1 note 已聯繫提案人 & 安排會前會');
  await say(a, 'pdis', '/action 第一案 交通部 提供事故資料 due 2026-11-28');
  await say(a, 'pdis', '/startmeeting 12月協作會議');
  await say(a, 'pdis', '/topic 第一案 進度');
  await say(a, 'amy', HOSTILE);
  await say(a, 'pdis', '/decision 下週五召開協作會議');
  await say(a, 'pdis', '/endmeeting');
  a.clock.advance(3_600_000);
  await say(a, 'pdis', '/meeting add 月會 2026-12-07 14:00');
}
