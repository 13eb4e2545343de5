// Public surface of announcements and reminders: planning, cards, the service and RSVPs.
export * from './planning.js';
export * from './cards.js';
export * from './payload.js';
export { RsvpRepository, RSVP_TABLE } from './rsvp-repository.js';
export {
  createAnnouncementService,
  announcementBuilders,
  parseRsvpAction,
  rsvpActionSchema,
  type AnnouncementService,
  type AnnouncementServiceDeps,
  type RsvpAction,
  type SyncSummary,
} from './service.js';
export { createRsvpAction } from './conversation.js';
export { directoryOf, type ProgramDirectory, type ProgramSource } from './programs.js';
