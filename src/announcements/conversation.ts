// "Ich nehme teil" in conversations: the RSVP button of an announcement card. The person is the one in the
// activity; the answer is the card as that person should now see it.
import type { CardActionHandler } from '../conversation/index.js';
import { conversationMessages } from '../i18n/conversation.js';
import { AppError } from '../shared/errors.js';
import { parseRsvpAction, type AnnouncementService } from './service.js';

export function createRsvpAction(announcements: Pick<AnnouncementService, 'rsvp'>): CardActionHandler {
  return async (turn, data) => {
    const invalid = { kind: 'error', status: 400, code: 'invalid-action', text: conversationMessages[turn.locale].invalidAction } as const;
    let action;
    try {
      action = parseRsvpAction(data);
    } catch (error) {
      if (error instanceof AppError) return invalid;
      throw error;
    }
    try {
      const card = await announcements.rsvp({ ...action, aadObjectId: turn.user.aadObjectId ?? turn.user.id, locale: turn.locale });
      return { kind: 'card', card };
    } catch (error) {
      // A card for a session that no longer exists (or never did): say so instead of failing.
      if (error instanceof AppError) return { ...invalid, status: 404, code: error.code };
      throw error;
    }
  };
}
