// Public surface of the feedback feature: polls after each session, votes, results, the series
// retrospective, export and the privacy duties. Other folders import only from here.
export {
  DEFAULT_RETENTION_DAYS,
  FeedbackService,
  isPollClosed,
  sessionList,
  type ActionInput,
  type ActionOutcome,
  type ActorInput,
  type DeletionReport,
  type FeedbackDeps,
  type FeedbackError,
  type FeedbackPrograms,
  type FeedbackServiceDeps,
  type VoteInput,
} from './service.js';
export {
  PollLifecycle,
  pollClosesAt,
  pollDueAt,
  type ClosedPoll,
  type OpenPollResult,
  type SeriesClaim,
} from './polls.js';
export { isFeedbackVerb, parseFeedbackAction, validateAnswer, type FeedbackAction } from './actions.js';
export {
  cardBytes,
  errorCard,
  FEEDBACK_VERBS,
  formatAverage,
  MAX_CARD_BYTES,
  MAX_TEXT_LENGTH,
  pollCard,
  pollMessage,
  resultsCard,
  resultsMessage,
  seriesCard,
  seriesMessage,
  thankYouCard,
  type Answer,
  type LiveAggregate,
} from './cards.js';
export {
  resolveSession,
  seriesResults,
  sessionResults,
  type AudienceSizes,
  type ResponseRecord,
  type SeriesResults,
  type SessionResolution,
  type SessionResults,
} from './retrospective.js';
export { extractThemes, type Theme } from './themes.js';
export { csvField, exportResponses, responsesToCsv, responsesToJson, type ExportFormat } from './export.js';
export { FeedbackRepository, FEEDBACK_TABLES, type PollState, type PollTrigger } from './repository.js';
export { feedbackCliCommands } from './cli.js';
