import type { Case } from '../../core/cases/case';
import { formatCaseNumber } from '../../core/cases/case-number';
import { isClosed, stageLabel } from '../../core/cases/case-stages';
import { dueNote, isOverdue, showDate } from '../../core/cases/case-dates';
import type { PageCtx } from '../context';
import { OverdueBadge } from './badges';

/**
 * Cases as a table people can scan: only the number and title are a link; stage, agencies,
 * deadline and days left are plain, aligned columns (stacked with their labels on a phone).
 * A late case says so in words (a badge), not by colour alone.
 */
export function CaseTable(props: { p: PageCtx; cases: readonly Case[] }) {
  const { p, cases } = props;
  const { t, locale } = p;
  const s = p.deps.app.casework;
  const tz = p.services.settings.timezone;
  const agency = (id: number | null) => p.services.people.agencies.name(id);
  if (!cases.length) return <p>{t('common.none')}</p>;
  const cols = [t('web.colCase'), t('web.caseStage'), t('web.caseLead'), t('web.caseCo'), t('web.caseDeadline'), t('web.colDaysLeft')] as const;
  return (
    <table class="rows cases">
      <thead>
        <tr>
          {cols.map((c) => (
            <th scope="col">{c}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {cases.map((c) => {
          const late = isOverdue(c, p.now, tz, s);
          const note = c.deadline ? dueNote(c.deadline, p.now, tz, t, p.services.calendar, isClosed(c, s)).replace(/^⚠️\s*/, '') : '';
          return (
            <tr>
              <th scope="row">
                <a href={`/cases/${c.number}`}>
                  <strong>{formatCaseNumber(c.number, locale)}</strong>
                  {t('cases.quoted', { title: c.title })}
                </a>
              </th>
              <td data-label={cols[1]}>{stageLabel(c.stage, s, locale)}</td>
              <td data-label={cols[2]}>{agency(c.leadAgencyId) ?? t('cases.leadUnset')}</td>
              <td data-label={cols[3]}>{c.coAgencyIds.map(agency).filter(Boolean).join(t('common.separator')) || '—'}</td>
              <td data-label={cols[4]}>{c.deadline ? showDate(c.deadline, locale, tz) : '—'}</td>
              <td data-label={cols[5]} class={late ? 'late' : undefined}>
                {late ? (
                  <>
                    <OverdueBadge p={p} /> {note}
                  </>
                ) : (
                  note || '—'
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
