// Public surface of the program feature: the model and its time math, program.yaml loading, the schedule
// lint, the announcement importer, the calendar feed, the stored program (service) and its CLI commands.
export {
  programSchema,
  sessionSchema,
  contactSchema,
  feedbackSettingsSchema,
  type Program,
  type ProgramDocument,
  type ProgramInfo,
  type Session,
  type Contact,
  type FeedbackSettings,
} from './model.js';
export {
  sessionStart,
  sessionEnd,
  formatDate,
  formatTimeRange,
  sortedSessions,
  localDateTime,
  parseDuration,
  isValidZone,
  localTimeStatus,
  isoWeekday,
  type LocalTimeStatus,
} from './time.js';
export { loadProgramFile, parseProgramText, ProgramLoadError, type LoadedProgram } from './load.js';
export { parseWeekday, weekdayName } from './weekday.js';
export {
  lintProgram,
  hasErrors,
  LINT_CODES,
  KNOWN_MEETING_HOSTS,
  type LintCode,
  type LintFinding,
  type LintOptions,
} from './lint.js';
export {
  importAnnouncement,
  normalizeAnnouncement,
  type ImportOptions,
  type ImportResult,
  type ProgramDraft,
} from './import-announcement.js';
export {
  renderCalendar,
  renderPersonalCalendar,
  calendarPath,
  programCalendarPath,
  personalCalendarPath,
  calendarUid,
  buildVtimezone,
  CALENDAR_PATH,
  type CalendarOptions,
  type CalendarSource,
} from './calendar.js';
export {
  ProgramRepository,
  ProgramConflictError,
  PROGRAMS_TABLE,
  programPartition,
  type StoredProgram,
  type ProgramRefusal,
  type ProgramMarkers,
  type ProgramFinding,
} from './repository.js';
export {
  ProgramService,
  inDateOrder,
  editedSinceImport,
  type ImportOptions as ProgramImportOptions,
  type ProgramServiceDeps,
  type ImportOutcome,
  type SaveOutcome,
  type ProgramStatus,
  type ProgramChangeListener,
  type ChangeReason,
} from './service.js';
export {
  ProgramCatalog,
  programFolders,
  type ProgramFolder,
  type FolderOutcome,
  type CatalogChangeListener,
  type CatalogStatus,
  type ProgramMatch,
  type LoadOptions,
} from './catalog.js';
export { programToYaml } from './to-yaml.js';
export { programCliCommands } from './cli.js';
