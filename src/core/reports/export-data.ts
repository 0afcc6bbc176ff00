import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import type { Services } from '../feature';
import type { CaseworkSettings } from '../cases/casework.settings';
import { stageLabel } from '../cases/case-stages';

/** A table as exported: CSV joins list cells with LIST_SEPARATOR, JSON keeps them arrays. */
export type Value = string | number | null | string[];
export interface Table {
  columns: readonly string[];
  rows: Record<string, Value>[];
}

export const LIST_SEPARATOR = '、';
export const EXPORT_KINDS = ['issues', 'cases', 'actions'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** An instant, unambiguous and readable: 2026-12-04T10:00:00+08:00 in the configured zone. */
export function isoLocal(d: Date | null, timeZone: string): string | null {
  return d === null ? null : format(new TZDate(d.getTime(), timeZone), "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
}

function agencyName(services: Services, id: number | null): string | null {
  return services.people.agencies.name(id) ?? (id === null ? null : `#${id}`);
}

function userName(services: Services, id: number | null): string | null {
  return id === null ? null : (services.people.get(id)?.name ?? `#${id}`);
}

export function issuesTable(services: Services): Table {
  const { store, settings } = services;
  const caseOf = new Map(store.cases.list().map((c) => [c.issueId, c.number]));
  const { rows } = store.issues.list({ order: 'newest', limit: Number.MAX_SAFE_INTEGER });
  return {
    // withdrawn_at and merged_at are the one stored closing time, named by what closed it.
    columns: ['id', 'title', 'details', 'petition_url', 'proposer', 'proposer_agency', 'agencies', 'status', 'votes', 'vote_agencies', 'case_number', 'chat', 'created_at', 'withdrawn_at', 'merged_into', 'merged_at'],
    rows: rows
      .sort((a, b) => a.issue.id - b.issue.id)
      .map(({ issue, tally }) => ({
        id: issue.id,
        title: issue.title,
        details: issue.details,
        petition_url: issue.petitionUrl,
        proposer: userName(services, issue.proposerId),
        proposer_agency: agencyName(services, issue.proposerAgencyId),
        agencies: issue.agencyIds.map((id) => agencyName(services, id)!),
        status: issue.status,
        votes: tally.votes,
        vote_agencies: tally.agencies,
        case_number: caseOf.get(issue.id) ?? null,
        chat: issue.chat,
        created_at: isoLocal(issue.createdAt, settings.timezone),
        withdrawn_at: issue.status === 'merged' ? null : isoLocal(issue.withdrawnAt, settings.timezone),
        merged_into: issue.status === 'merged' ? issue.mergedInto : null,
        merged_at: issue.status === 'merged' ? isoLocal(issue.withdrawnAt, settings.timezone) : null,
      })),
  };
}

export function casesTable(services: Services, casework: CaseworkSettings): Table {
  const { store, settings } = services;
  return {
    // `stage` is the configured id (stable for programs), `stage_label` what people read.
    columns: ['number', 'issue_id', 'title', 'stage', 'stage_label', 'lead', 'co_agencies', 'petition_url', 'petition_passed_on', 'deadline', 'chat', 'selected_by', 'selected_at', 'updated_at'],
    rows: store.cases.list().map((c) => ({
      number: c.number,
      issue_id: c.issueId,
      title: c.title,
      stage: c.stage,
      stage_label: stageLabel(c.stage, casework, settings.locale),
      lead: agencyName(services, c.leadAgencyId),
      co_agencies: c.coAgencyIds.map((id) => agencyName(services, id)!),
      petition_url: c.petitionUrl,
      petition_passed_on: c.petitionPassedOn,
      deadline: c.deadline,
      chat: c.chat,
      selected_by: userName(services, c.selectedBy),
      selected_at: isoLocal(c.selectedAt, settings.timezone),
      updated_at: isoLocal(c.updatedAt, settings.timezone),
    })),
  };
}

export function actionsTable(services: Services): Table {
  const { store, settings } = services;
  const numberOf = new Map(store.cases.list().map((c) => [c.id, c.number]));
  return {
    columns: ['id', 'case_number', 'meeting_id', 'owner_agency', 'owner_user', 'text', 'due', 'status', 'chat', 'created_by', 'created_at', 'done_at', 'done_by', 'done_note'],
    rows: store.actions
      .list()
      .sort((a, b) => a.id - b.id)
      .map((i) => ({
        id: i.id,
        case_number: i.caseId === null ? null : (numberOf.get(i.caseId) ?? null),
        meeting_id: i.meetingId,
        owner_agency: agencyName(services, i.ownerAgencyId),
        owner_user: userName(services, i.ownerUserId),
        text: i.text,
        due: i.due,
        status: i.status,
        chat: i.chat,
        created_by: userName(services, i.createdBy),
        created_at: isoLocal(i.createdAt, settings.timezone),
        done_at: isoLocal(i.doneAt, settings.timezone),
        done_by: userName(services, i.doneBy),
        done_note: i.doneNote,
      })),
  };
}

export const TABLES: Record<ExportKind, (s: Services, casework: CaseworkSettings) => Table> = { issues: issuesTable, cases: casesTable, actions: actionsTable };
