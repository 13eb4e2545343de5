// OutgoingMessage (feature data) to Bot Framework activity.
import { CardFactory } from 'botbuilder';
import type { Activity } from 'botbuilder';
import type { OutgoingMessage } from '../cards/adaptive.js';

/**
 * With a card, the text is left out: Teams (and the Playground) would show both, the content twice. Clients
 * without card support use the card's fallbackText and the summary instead.
 */
export function toActivity(message: OutgoingMessage): Partial<Activity> {
  const activity: Partial<Activity> = { type: 'message', textFormat: 'markdown' };
  if (message.text && !message.card) activity.text = message.text;
  if (message.summary) activity.summary = message.summary;
  if (message.card) activity.attachments = [CardFactory.adaptiveCard(message.card)];
  return activity;
}
