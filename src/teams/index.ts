// The Teams layer: the only folder that imports botbuilder or @microsoft/teams-ai. A move to the
// Microsoft 365 Agents SDK or Teams SDK v2 replaces this folder and nothing else.
export { createAdapter, type BotAdapter } from './adapter.js';
export { createTeamsApp, type TeamsAppDeps, type MeetingEvent } from './app.js';
export { createTeamsSender, toSendFailure, parseRetryAfter } from './sender.js';
export { incomingActivitySchema } from './activity.js';
export { processInbound, type InboundResult } from './inbound.js';
export { createAzureOpenAIComposer } from './generative-answers.js';
