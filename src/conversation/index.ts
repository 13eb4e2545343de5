export { ConversationCore, type TurnInput, type CommandHandler, type CardActionHandler, type CardActionResult, type ProgramSource, type PersonalCalendar } from './core.js';
export { coordinatorPolicy, type CoordinatorPolicy } from './coordinators.js';
export { COMMANDS, parseCommand, foldCommandText, commandSpec, type CommandName, type ParsedCommand } from './commands.js';
