import type { Kdb } from '../types';
import { boothRepository } from './booths';
import { exhibitorRepository } from './exhibitors';
import { expoRepository } from './expos';
import { inviteRepository } from './invites';
import { leadRepository } from './leads';
import { phoneRepository } from './phones';
import { conversationRepository } from './conversations';
import { mediaRepository } from './media';
import { meetingRepository } from './meetings';
import { sessionRepository } from './sessions';
import { userRepository } from './users';

export function createRepositories(db: Kdb) {
  return {
    expos: expoRepository(db),
    booths: boothRepository(db),
    exhibitors: exhibitorRepository(db),
    media: mediaRepository(db),
    users: userRepository(db),
    sessions: sessionRepository(db),
    invites: inviteRepository(db),
    leads: leadRepository(db),
    phones: phoneRepository(db),
    conversations: conversationRepository(db),
    meetings: meetingRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
export { RepoError } from './ids';
export type { BoothRecord } from './booths';
