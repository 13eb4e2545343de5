// Minimal typed Adaptive Card vocabulary (schema 1.5, the most Teams renders in bot messages).
// Feature folders build their cards with these types; nothing fills JSON by string placeholders.
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema?: string;
  version: '1.5';
  body: CardElement[];
  actions?: CardAction[];
  refresh?: { action: ExecuteAction; userIds?: string[] };
  msteams?: { width?: 'Full'; entities?: unknown[] };
  fallbackText?: string;
  lang?: string;
}

export type CardElement = { type: string; id?: string; [key: string]: unknown };

export interface ExecuteAction {
  type: 'Action.Execute';
  title?: string;
  verb: string;
  data?: Record<string, unknown>;
  fallback?: SubmitAction | 'drop';
  style?: 'positive' | 'destructive' | 'default';
  associatedInputs?: 'auto' | 'none';
}
export interface SubmitAction {
  type: 'Action.Submit';
  title?: string;
  data?: Record<string, unknown>;
  style?: 'positive' | 'destructive' | 'default';
  associatedInputs?: 'auto' | 'none';
}
export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}
export type CardAction = ExecuteAction | SubmitAction | OpenUrlAction | { type: string; [key: string]: unknown };

export function card(body: CardElement[], actions: CardAction[] = [], extra: Partial<AdaptiveCard> = {}): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length ? { actions } : {}),
    ...extra,
  };
}

/**
 * An Action.Execute with an Action.Submit fallback carrying the same verb, so older clients still send
 * something the bot understands (it arrives as a message with `value.verb`).
 */
export function executeAction(title: string, verb: string, data: Record<string, unknown> = {}, style?: ExecuteAction['style']): ExecuteAction {
  return {
    type: 'Action.Execute',
    title,
    verb,
    data,
    ...(style ? { style } : {}),
    fallback: { type: 'Action.Submit', title, data: { ...data, verb }, ...(style ? { style } : {}) },
  };
}

export function textBlock(text: string, options: Record<string, unknown> = {}): CardElement {
  return { type: 'TextBlock', text, wrap: true, ...options };
}

/**
 * Escapes participant-provided text for a TextBlock: Markdown, mentions and links must not take effect.
 * Adaptive Card TextBlocks render a Markdown subset, so the characters that would start markup are backslash-escaped
 * (inline ones anywhere, block ones only at a line start, so dates and prices stay readable),
 * angle brackets are replaced so no <at>…</at> mention survives, and every & is followed by a word joiner so
 * no HTML entity (&lt;at&gt;) can be decoded back into markup.
 */
export function escapeCardText(text: string): string {
  return (
    text
      .replace(/</g, '‹')
      .replace(/>/g, '›')
      .replace(/&/g, '&\u2060')
      // Inline markup anywhere: emphasis, code, strike-through, link brackets.
      .replace(/[\\`*_~[\]]/g, (c) => `\\${c}`)
      // Block markup only where it starts a line: headings, list bullets, ordered-list numbers.
      .replace(/^(\s*)([#+-])/gm, '$1\\$2')
      .replace(/^(\s*\d+)([.)])/gm, '$1\\$2')
      .replace(/(https?):\/\//gi, '$1\u200B://')
  );
}

/** What a feature asks the Teams layer to send: a Markdown text or a card (the text is not sent beside a card). */
export interface OutgoingMessage {
  text?: string;
  card?: AdaptiveCard;
  /** Plain summary for notifications and clients without card support. */
  summary?: string;
}
