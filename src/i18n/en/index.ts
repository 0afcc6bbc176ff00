import { common } from './common';
import { agencies } from './agencies';
import { issues } from './issues';
import { votes } from './votes';
import { help } from './help';
import { consoleChat } from './console';
import { telegram } from './telegram';
import { meetings } from './meetings';
import { agenda } from './agenda';
import { cases } from './cases';
import { actions } from './actions';
import { minutes } from './minutes';
import { reports } from './reports';
import { slack } from './slack';
import { calendar } from './calendar';
import { welcome } from './welcome';
import { web } from './web';

export const en = { common, agencies, issues, votes, help, consoleChat, telegram, meetings, agenda, cases, actions, minutes, reports, slack, calendar, welcome, web };
