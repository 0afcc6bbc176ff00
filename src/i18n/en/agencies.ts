import type { Translation } from '../translation';
import type { agencies as zh } from '../zh-TW/agencies';

export const agencies: Translation<typeof zh> = {
  unknown: (p) => `No agency called "${p.name}".` + (p.suggestions ? ` Did you mean: ${p.suggestions}?` : ' Type /agencies for the list.'),
  iamUsage: 'Usage: /iam <agency>, e.g. /iam MOTC or /iam Ministry of Transportation and Communications',
  iamCurrent: (p) => `You are registered for "${p.agency}". To change it, type /iam <agency>.`,
  iamNone: 'You have not registered an agency yet. Type /iam <agency>, e.g. /iam MOTC or /iam Ministry of Transportation and Communications.',
  iamSet: (p) => `You are now registered as a Participation Officer of "${p.agency}".`,
  iamPending: (p) => `Registered as a PO of "${p.agency}", and your votes count; as this network keeps a roster, you can act for the agency (close its follow-up items, be mentioned as its PO) once a facilitator confirms you with /confirm.`,
  confirmUsage: (p) => `Usage: /confirm <person> <agency>; the person is a mention (@name), an id such as ${p.ref}, or a display name only one person has, e.g. /confirm Amy 勞動部`,
  confirmNoOne: (p) => `Nobody called "${p.who}" has been seen yet (they can type /iam first); an id such as ${p.ref} also works.`,
  confirmAmbiguous: (p) => `Several people are called "${p.who}": ${p.refs}. Use one of those ids instead.`,
  confirmDone: (p) => `${p.name} is confirmed as a Participation Officer of "${p.agency}" and may act for it.`,
  iamUnchanged: (p) => `You are already registered for "${p.agency}"; nothing changed.`,
  iamRosterLocked: (p) => `Your agency is set to "${p.agency}" by the roster; ask a facilitator to update the roster to change it.`,
  listHeader: (p) => `Agencies (${p.n}; tag issues with #code, or any name without spaces):`,
  unaffiliated: 'No agency registered',
};
