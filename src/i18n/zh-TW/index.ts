import { common } from './common';
import { agencies } from './agencies';
import { issues } from './issues';
import { votes } from './votes';
import { help } from './help';
import { consoleChat } from './console';
import { meetings } from './meetings';
import { agenda } from './agenda';
import { cases } from './cases';
import { actions } from './actions';
import { minutes } from './minutes';
import { reports } from './reports';
import { calendar } from './calendar';
import { welcome } from './welcome';
import { web } from './web';
import { delivery } from './delivery';
import { accounts } from './accounts';
import { ballot } from './ballot';
import { sop } from './sop';
import { search } from './search';
import { platformMessagesZhTW } from '../../platforms/messages';

/** The reference catalog: every other locale must translate each part (see ../catalog.ts). */
export const zhTW = { common, agencies, issues, votes, help, consoleChat, meetings, agenda, cases, actions, minutes, reports, calendar, welcome, web, delivery, accounts, ballot, sop, search, ...platformMessagesZhTW };
