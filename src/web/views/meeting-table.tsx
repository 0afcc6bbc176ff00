import type { Meeting } from '../../core/meetings/meeting';
import { MeetingFormat } from '../../core/meetings/meeting.format';
import type { PageCtx } from '../context';

/** Meetings as a table: number and title the link; kind, time and status plain columns. */
export function MeetingTable(props: { p: PageCtx; rows: readonly Meeting[] }) {
  const { p, rows } = props;
  const { t } = p;
  const fmt = new MeetingFormat(p.deps.app.meetings.settings, p.locale);
  if (!rows.length) return <p>{t('common.none')}</p>;
  const cols = [t('web.colMeeting'), t('web.meetingWhen'), t('web.meetingKind'), t('web.meetingStatus')] as const;
  return (
    <table class="rows meetings">
      <thead>
        <tr>
          {cols.map((c) => (
            <th scope="col">{c}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((m) => {
          const holiday = fmt.holiday(m.startsAt);
          return (
            <tr>
              <th scope="row">
                <a href={`/meetings/${m.id}`}>{`#${m.id} ${m.title}`}</a>
              </th>
              <td data-label={cols[1]}>
                {fmt.span(m)}
                {holiday ? <span class="note-inline">{` ${holiday}`}</span> : null}
              </td>
              <td data-label={cols[2]}>{fmt.kind(m.kind)}</td>
              <td data-label={cols[3]}>{m.status === 'scheduled' ? fmt.status(m.status) : <span class={`badge meeting-${m.status}`}>{fmt.status(m.status)}</span>}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
