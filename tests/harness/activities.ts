// Builders for Teams-shaped activities: installs, messages, channel @mentions, card actions, meeting events.
import crypto from 'node:crypto';

export const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const BOT = { id: '28:bot-app-id', name: 'Peer-Learning' };

export interface UserRef {
  id: string;
  aadObjectId: string;
  name?: string;
}

export function user(n = 1): UserRef {
  const hex = n.toString(16).padStart(12, '0');
  return { id: `29:user-${n}`, aadObjectId: `00000000-0000-4000-8000-${hex}`, name: `Person ${n}` };
}

export interface Where {
  serviceUrl: string;
  locale?: string;
}

function base(where: Where) {
  return {
    id: crypto.randomUUID(),
    channelId: 'msteams',
    serviceUrl: where.serviceUrl,
    timestamp: new Date().toISOString(),
    locale: where.locale ?? 'de-DE',
    recipient: BOT,
  };
}

export function personalConversationId(u: UserRef): string {
  return `a:personal-${u.aadObjectId}`;
}

function personal(u: UserRef) {
  return {
    conversation: { id: personalConversationId(u), conversationType: 'personal', tenantId: TENANT_ID },
    from: { id: u.id, aadObjectId: u.aadObjectId, name: u.name },
    channelData: { tenant: { id: TENANT_ID } },
  };
}

export interface TeamRef {
  teamId: string;
  channelId: string;
  name: string;
}

export function team(n = 1): TeamRef {
  return { teamId: `19:team-${n}@thread.tacv2`, channelId: `19:team-${n}@thread.tacv2`, name: `Team ${n}` };
}

function channel(t: TeamRef, u: UserRef, channelId = t.channelId) {
  return {
    conversation: { id: channelId, conversationType: 'channel', isGroup: true, tenantId: TENANT_ID },
    from: { id: u.id, aadObjectId: u.aadObjectId, name: u.name },
    channelData: { tenant: { id: TENANT_ID }, team: { id: t.teamId, name: t.name }, channel: { id: channelId } },
  };
}

export function personalInstall(where: Where, u: UserRef) {
  return { ...base(where), type: 'installationUpdate', action: 'add', ...personal(u) };
}

export function personalMembersAdded(where: Where, u: UserRef) {
  return { ...base(where), type: 'conversationUpdate', membersAdded: [{ id: BOT.id }], ...personal(u) };
}

export function personalUninstall(where: Where, u: UserRef) {
  return { ...base(where), type: 'installationUpdate', action: 'remove', ...personal(u) };
}

export function personalMessage(where: Where, u: UserRef, text: string) {
  return { ...base(where), type: 'message', text, textFormat: 'plain', ...personal(u) };
}

export function teamInstall(where: Where, t: TeamRef, installer: UserRef) {
  return { ...base(where), type: 'installationUpdate', action: 'add', ...channel(t, installer) };
}

export function teamMembersAdded(where: Where, t: TeamRef, installer: UserRef) {
  return { ...base(where), type: 'conversationUpdate', membersAdded: [{ id: BOT.id }], ...channel(t, installer) };
}

/** A channel message that @mentions the bot, as Teams sends it (mention markup in text plus an entity). */
export function channelMention(where: Where, t: TeamRef, u: UserRef, text: string, channelId = t.channelId) {
  const mention = `<at>${BOT.name}</at>`;
  return {
    ...base(where),
    type: 'message',
    text: `${mention} ${text}`,
    textFormat: 'plain',
    entities: [{ type: 'mention', text: mention, mentioned: { id: BOT.id, name: BOT.name } }],
    ...channel(t, u, `${channelId};messageid=${Date.now()}`),
  };
}

export function groupChatInstall(where: Where, chatId: string, installer: UserRef) {
  return {
    ...base(where),
    type: 'installationUpdate',
    action: 'add',
    conversation: { id: chatId, conversationType: 'groupChat', isGroup: true, tenantId: TENANT_ID },
    from: { id: installer.id, aadObjectId: installer.aadObjectId },
    channelData: { tenant: { id: TENANT_ID } },
  };
}

/** Action.Execute invoke from a card in a personal chat (or pass a channel conversation). */
export function cardAction(where: Where, u: UserRef, verb: string, data: Record<string, unknown>, conversation?: 'personal' | { team: TeamRef }) {
  const place = !conversation || conversation === 'personal' ? personal(u) : channel(conversation.team, u);
  return {
    ...base(where),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: crypto.randomUUID(),
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    ...place,
  };
}

/** Action.Submit fallback: a message with value. */
export function cardSubmit(where: Where, u: UserRef, data: Record<string, unknown>) {
  return { ...base(where), type: 'message', value: data, ...personal(u) };
}
