// Public surface of the FAQ feature: answers from the program material and schedule, with sources,
// votes, escalation to the coordinators and curated entries.
export {
  createFaqEngine,
  createFaqEngineFromKnowledgeBase,
  FAQ_CONFIDENCE_THRESHOLD,
  type FaqAnswer,
  type FaqSource,
  type FaqEngine,
  type FaqEngineOptions,
  type AskOptions,
} from './engine.js';
export { loadKnowledgeBase, splitIntoPassages, type KnowledgeBase, type Passage, type CuratedEntry } from './knowledge-base.js';
export { buildAnswerCard, buildProgramAnswersCard, buildNoAnswerCard, buildEscalationCard, buildCoordinatorAnswerCard, type EscalationView } from './cards.js';
export { parseFaqAction, isFaqVerb, FaqActionError, FAQ_VERBS, type FaqAction, type FaqVerb, type ParsedFaqAction } from './actions.js';
export { FaqRepository, normalizeQuestion, type AskedQuestion, type Vote, type Escalation, type Gap, type StoredCuratedEntry } from './repository.js';
export {
  FaqService,
  type FaqServiceDeps,
  type FaqEngineSource,
  type AskInput,
  type AskProgram,
  type AskResult,
  type ProgramAnswer,
  type ForwardResult,
  type AnswerResult,
  type ActionResult,
} from './service.js';
export { ProgramFaqEngines, type FaqProgramCatalog, type ProgramFaqEnginesDeps } from './program-engines.js';
export { faqCliCommands, askCommand, faqGapsCommand } from './cli.js';
