export { ConversationCore, type TurnInput, type CommandHandler, type CardActionHandler, type CardActionResult, type PersonalCalendar } from './core.js';
export { ProgramScope, type ProgramDirectory, type TurnPrograms } from './program-scope.js';
export { coordinatorPolicy, type CoordinatorPolicy } from './coordinators.js';
export { COMMANDS, parseCommand, foldCommandText, commandSpec, type CommandName, type ParsedCommand } from './commands.js';
export { PROGRAM_VERBS } from './program-links.js';
