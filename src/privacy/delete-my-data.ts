// "Meine Daten löschen": after a confirmation, removes a person's feedback responses, RSVPs, FAQ questions
// and votes, attendance records, personal calendar feed and personal-chat registration, then says what was removed. The person is always the one in
// the activity; card data is never trusted for identity.
import { card, executeAction, textBlock } from '../cards/adaptive.js';
import type { CardActionHandler, CommandHandler } from '../conversation/index.js';
import { privacyTexts, type DeletionSummary } from '../i18n/privacy.js';
import type { Logger } from '../shared/log.js';

export interface PersonalDataStores {
  deleteResponses(aadObjectId: string): Promise<number>;
  deleteRsvps(aadObjectId: string): Promise<number>;
  deleteQuestions(userId: string): Promise<number>;
  deleteRegistrations(aadObjectId: string): Promise<number>;
  deleteCalendarFeed?(aadObjectId: string): Promise<number>;
  deleteAttendance?(aadObjectId: string): Promise<number>;
}

export const PRIVACY_VERBS = { confirm: 'privacy.delete.confirm', cancel: 'privacy.delete.cancel' } as const;

export function createDeleteMyData(stores: PersonalDataStores, logger: Logger): {
  command: CommandHandler;
  actions: Record<string, CardActionHandler>;
} {
  return {
    command: async (turn) => {
      const t = privacyTexts[turn.locale];
      return [
        {
          card: card(
            [textBlock(t.confirmTitle, { weight: 'Bolder', size: 'Medium' }), textBlock(t.confirmBody)],
            [executeAction(t.confirm, PRIVACY_VERBS.confirm, {}, 'destructive'), executeAction(t.cancel, PRIVACY_VERBS.cancel)],
          ),
          summary: t.confirmTitle,
        },
      ];
    },
    actions: {
      [PRIVACY_VERBS.cancel]: async (turn) => ({ kind: 'message', text: privacyTexts[turn.locale].cancelled }),
      [PRIVACY_VERBS.confirm]: async (turn) => {
        const t = privacyTexts[turn.locale];
        const aad = turn.user.aadObjectId;
        if (!aad) return { kind: 'error', status: 400, code: 'no-identity', text: t.noIdentity };
        const summary: DeletionSummary = {
          responses: await stores.deleteResponses(aad),
          rsvps: await stores.deleteRsvps(aad),
          questions: await stores.deleteQuestions(aad),
          attendance: stores.deleteAttendance ? await stores.deleteAttendance(aad) : 0,
          registrations: await stores.deleteRegistrations(aad),
          calendarFeeds: stores.deleteCalendarFeed ? await stores.deleteCalendarFeed(aad) : 0,
        };
        logger.info({ event: 'privacy.deleted', ...summary }, 'personal data deleted on request');
        return { kind: 'message', text: t.done(summary) };
      },
    },
  };
}
