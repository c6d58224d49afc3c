import type { Kdb } from '../types';
import { agendaRepository } from './agenda';
import { boothRepository } from './booths';
import { exhibitorRepository } from './exhibitors';
import { expoRepository } from './expos';
import { inviteRepository } from './invites';
import { leadRepository } from './leads';
import { phoneRepository } from './phones';
import { conversationRepository } from './conversations';
import { mediaRepository } from './media';
import { meetingRepository } from './meetings';
import { moderationRepository } from './moderation';
import { auditLog } from '../../moderation/audit';
import { sessionRepository } from './sessions';
import { userRepository } from './users';
import { wordListRepository } from './wordList';
import { entryRuleRepository } from './entryRules';
import { qaRepository } from './qa';
import { souvenirRepository } from './souvenirs';
import { passportRepository } from './passport';
import { auctionRepository } from './auction';

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
    // moderation (issue #11); `audit.record` is the log of every moderation and organizer action
    moderation: moderationRepository(db),
    audit: auditLog(db),
    agenda: agendaRepository(db),
    wordList: wordListRepository(db),
    // entry rules and entry passes (issue #11 item 5)
    entry: entryRuleRepository(db),
    // Q&A (issue #11): questions to the session on stage, upvotes, moderators' decisions
    qa: qaRepository(db),
    // souvenir certificates, their signing keys and the hash-chained ledger (issue #12)
    souvenirs: souvenirRepository(db),
    // the stamps visitor accounts have earned (issue #12)
    passport: passportRepository(db),
    // auction lots and their hash-chained bid logs (issue #12)
    auction: auctionRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
export { RepoError } from './ids';
export type { BoothRecord } from './booths';
