import { parse } from 'csv-parse/sync';
import type { TestApp } from '../support/app';
import { caseApp, propose, say } from './helpers';
import { guard, unguard } from '../../src/core/reports/csv';
import { isoLocal } from '../../src/core/reports/export-data';
import { parseConfig } from '../../src/config/load';

let app: TestApp;
beforeEach(async () => {
  app = caseApp();
  await say(app, 'alice', '/iam 交通部');
  await say(app, 'bob', '/iam 衛福部');
  // Titles and texts that break naive CSV: separators, quotes, newlines, emoji, formula starts.
  await say(app, 'alice', '/propose 路口, "安全" 改善 🚦 #交通部 #衛福部 https://join.gov.tw/idea/detail/abc | 說明第一行\n第二行，含逗號, 與 "引號"');
  await say(app, 'bob', "/propose =HYPERLINK(\"http://x\") 公式 | @SUM(A1) -1 +1 '=already");
  await propose(app, 2, 'bob', '一般議題');
  await say(app, 'alice', '/vote 1');
  await say(app, 'bob', '/vote 1');
  await say(app, 'bob', '/withdraw 3');
  await say(app, 'pdis', '/select 1 2');
  await say(app, 'pdis', '/case 1 lead 交通部 co 衛福部 經濟部');
  await say(app, 'pdis', '/case 1 passed 11/20');
  await say(app, 'pdis', '/startmeeting');
  await say(app, 'pdis', '/action 交通部 提供 "資料", 並說明\n（含附件） due 12/4');
  await say(app, 'pdis', '/action 衛福部 =1+1 先試算');
  await say(app, 'bob', '/done 2 完成, 已回覆 "OK"');
  await say(app, 'pdis', '/endmeeting');
});
afterEach(() => app.cleanup());

async function exportFile(what: string, fmt: string) {
  const out = await say(app, 'pdis', `/export ${what} ${fmt}`);
  return { text: out.text, file: out.answer!.message.file! };
}

function csvRows(content: string): Record<string, string>[] {
  expect(content.startsWith('\uFEFF')).toBe(true); // Excel reads it as UTF-8
  return parse(content, { bom: true, columns: true, relax_quotes: false, skip_empty_lines: false }) as Record<string, string>[];
}

/** CSV has no null and no lists: '' stands for null, lists are joined with 、; guarded cells are unguarded. */
function fromCsv(v: string, expected: unknown): unknown {
  if (expected === null) return v === '' ? null : v;
  if (Array.isArray(expected)) return v === '' ? [] : v.split('、');
  if (typeof expected === 'number') return Number(v);
  return unguard(v);
}

test('issues: CSV and JSON are exactly the stored data', async () => {
  const { store, settings } = app.bot.services;
  const people = app.bot.services.people;
  const stored = [1, 2, 3, 4].map((id) => {
    const issue = store.issues.get(id)!;
    const tally = store.votes.tally(id);
    return {
      id,
      title: issue.title,
      details: issue.details,
      petition_url: issue.petitionUrl,
      proposer: people.get(issue.proposerId)!.name,
      proposer_agency: people.agencies.name(issue.proposerAgencyId) ?? null,
      agencies: issue.agencyIds.map((a) => people.agencies.name(a)!),
      status: issue.status,
      votes: tally.votes,
      vote_agencies: tally.agencies,
      case_number: store.cases.byIssue(id)?.number ?? null,
      chat: issue.chat,
      created_at: isoLocal(issue.createdAt, settings.timezone),
      withdrawn_at: isoLocal(issue.withdrawnAt, settings.timezone),
      // None of these is merged (test/practice/case-and-list-lows.test.ts has one that is).
      merged_into: null,
      merged_at: null,
    };
  });
  expect(stored[0]).toMatchObject({ title: '路口, "安全" 改善 🚦', details: '說明第一行\n第二行，含逗號, 與 "引號"', agencies: ['交通部', '衛福部'], votes: 2, case_number: 1 });
  expect(stored[2]).toMatchObject({ status: 'withdrawn' });

  const json = await exportFile('issues', 'json');
  expect(json.file).toMatchObject({ filename: 'issues-20261201.json', mime: 'application/json' });
  expect(JSON.parse(json.file.content)).toEqual(stored);

  const csv = await exportFile('issues', 'csv');
  expect(csv.text).toBe('已匯出 issues：4 筆（CSV）。');
  expect(csv.file).toMatchObject({ filename: 'issues-20261201.csv', mime: 'text/csv; charset=utf-8' });
  const rows = csvRows(csv.file.content);
  expect(Object.keys(rows[0]!)).toEqual(Object.keys(stored[0]!));
  expect(rows).toHaveLength(stored.length);
  rows.forEach((row, i) => {
    for (const [k, v] of Object.entries(stored[i]!)) expect([k, fromCsv(row[k]!, v)]).toEqual([k, v]);
  });
  // Times are instants: parsing them gives back the stored millisecond.
  expect(new Date(rows[0]!.created_at!).getTime()).toBe(store.issues.get(1)!.createdAt.getTime());
});

test('a formula-looking cell cannot run in a spreadsheet, yet round-trips', async () => {
  const rows = csvRows((await exportFile('issues', 'csv')).file.content);
  expect(rows[1]!.title).toBe('\'=HYPERLINK("http://x") 公式');
  expect(rows[1]!.details).toBe("'@SUM(A1) -1 +1 '=already");
  for (const row of rows) for (const v of Object.values(row)) expect(v).not.toMatch(/^[=+\-@]/);
  for (const s of ['=1', '+1', '-1', '@x', "'=x", "''=x", "'x", 'x', '', '\t=x']) expect(unguard(guard(s))).toBe(s);
});

test('a cell whose first non-blank character starts a formula is guarded: leading spaces, tabs, full-width ＝', async () => {
  // A display name with a space before `=`: spreadsheets skip the space and run the formula.
  // Display names are cleaned (trimmed) when people are resolved, so the stored name starts with
  // `=` itself and is guarded; guard() on leading blanks is checked directly below.
  await say(app, { platform: 'console', id: 'mallory', name: ' =HYPERLINK("http://x.example","y")' }, '/propose 名字像公式的提案人');
  const rows = csvRows((await exportFile('issues', 'csv')).file.content);
  expect(rows.at(-1)!.proposer).toBe('\'=HYPERLINK("http://x.example","y")');
  const risky = [' =1', '  +1', '\t-1', ' \t@x', '\u3000=1', '\u00A0=1', '＝1+1', ' ＝1', '＋1', '－1', '＠x', '\r=1', '\tx', "' =x"];
  for (const s of risky) {
    expect([s, guard(s).startsWith("'")]).toEqual([s, true]);
    expect(unguard(guard(s))).toBe(s);
  }
  for (const s of [' x', '中文 =1', 'a+b', '']) expect(guard(s)).toBe(s);
});

test('cases: CSV and JSON are exactly the stored data', async () => {
  const { store, settings, people } = app.bot.services;
  const stages = parseConfig({}).cases.stages;
  const stored = store.cases.list().map((c) => ({
    number: c.number,
    issue_id: c.issueId,
    title: c.title,
    stage: c.stage,
    stage_label: stages.find((x) => x.id === c.stage)!['zh-TW'],
    lead: people.agencies.name(c.leadAgencyId) ?? null,
    co_agencies: c.coAgencyIds.map((a) => people.agencies.name(a)!),
    petition_url: c.petitionUrl,
    petition_passed_on: c.petitionPassedOn,
    deadline: c.deadline,
    chat: c.chat,
    selected_by: people.get(c.selectedBy)!.name,
    selected_at: isoLocal(c.selectedAt, settings.timezone),
    updated_at: isoLocal(c.updatedAt, settings.timezone),
  }));
  expect(stored[0]).toMatchObject({ lead: '交通部', co_agencies: ['經濟部', '衛福部'], petition_passed_on: '2026-11-20', deadline: '2027-01-19' });
  expect(JSON.parse((await exportFile('cases', 'json')).file.content)).toEqual(stored);
  const rows = csvRows((await exportFile('cases', 'csv')).file.content);
  expect(rows).toHaveLength(2);
  rows.forEach((row, i) => {
    for (const [k, v] of Object.entries(stored[i]!)) expect([k, fromCsv(row[k]!, v)]).toEqual([k, v]);
  });
});

test('follow-up items: CSV and JSON are exactly the stored data', async () => {
  const { store, settings, people } = app.bot.services;
  const stored = [1, 2].map((id) => {
    const i = store.actions.get(id)!;
    return {
      id,
      case_number: i.caseId === null ? null : store.cases.get(i.caseId)!.number,
      meeting_id: i.meetingId,
      owner_agency: people.agencies.name(i.ownerAgencyId) ?? null,
      owner_user: null,
      text: i.text,
      due: i.due,
      status: i.status,
      chat: i.chat,
      created_by: people.get(i.createdBy)!.name,
      created_at: isoLocal(i.createdAt, settings.timezone),
      done_at: isoLocal(i.doneAt, settings.timezone),
      done_by: i.doneBy === null ? null : people.get(i.doneBy)!.name,
      done_note: i.doneNote,
    };
  });
  expect(stored[0]).toMatchObject({ text: '提供 "資料", 並說明\n（含附件）', due: '2026-12-04', status: 'open', meeting_id: 1 });
  expect(stored[1]).toMatchObject({ text: '=1+1 先試算', status: 'done', done_by: 'bob', done_note: '完成, 已回覆 "OK"' });
  expect(JSON.parse((await exportFile('actions', 'json')).file.content)).toEqual(stored);
  const rows = csvRows((await exportFile('actions', 'csv')).file.content);
  rows.forEach((row, i) => {
    for (const [k, v] of Object.entries(stored[i]!)) expect([k, fromCsv(row[k]!, v)]).toEqual([k, v]);
  });
});

test('bad /export requests get the usage and no file', async () => {
  for (const line of ['/export', '/export votes', '/export cases xls', '/export cases csv extra']) {
    const out = await say(app, 'pdis', line);
    expect(out.text).toBe('用法：/export <issues|cases|actions> [csv|json]，例如 /export cases csv；或 /export sop [起日] [迄日] [csv|json]');
    expect(out.answer!.message.file).toBeUndefined();
  }
});
