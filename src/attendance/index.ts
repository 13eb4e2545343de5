// Attendance from the meeting itself: participant events, who was there for how long, which session a
// meeting belongs to, the coordinators' attendance answer and the "Verpasst?" catch-up message.
// createAttendanceFeature assembles it; the rest is exported for the pieces' own tests and for the service.
export { parseParticipants, participantEventName, MAX_MEMBERS_PER_EVENT, type MeetingMember, type ParticipantEvent } from './events.js';
export { sessionForMeetingStart, MEETING_START_TOLERANCE_MS, type ScheduledSession } from './meeting-session.js';
export { MeetingChatRepository, ATTENDANCE_CHATS_TABLE, type MeetingChoice } from './meeting-chats.js';
export { MeetingResolver, START_AFTER_EVENT_SLACK_MS, type MeetingChat, type ProgramList, type ResolvedSession } from './meeting-resolver.js';
export { AttendanceRepository, AttendanceConflictError, ATTENDANCE_TABLE, type StoredMeeting } from './repository.js';
export {
  createAttendanceService,
  RECORD_CONCURRENCY,
  type AttendanceService,
  type AttendanceServiceDeps,
  type AttendanceSummary,
  type RecordOutcome,
} from './service.js';
export { attendanceReport, type AttendanceReportInput } from './report.js';
export { buildCatchUpCard, catchUpFallbackText, catchUpMessage, type CatchUpInput, type CatchUpMaterial, type CatchUpSession } from './cards.js';
export {
  ATTENDANCE_JOB_KINDS,
  CATCH_UP_BUCKETS,
  CATCH_UP_GRACE_MS,
  CATCH_UP_MAX_AGE_MS,
  attendanceBuilders,
  catchUpJobId,
  recipientBuckets,
  type AttendanceBuilderDeps,
} from './catch-up.js';
export { sessionMaterial } from './material.js';
export { attendanceLines, attendanceTrendLine, responseRate, type SessionAttendance } from './summary.js';
export { createAttendanceCommands, type AttendanceCommands, type AttendanceCommandDeps, type TurnProgramResolver } from './commands.js';
export { createAttendanceFeature, registryKnowsUser, type AttendanceFeature, type AttendanceFeatureDeps, type MeetingEventOutcome } from './feature.js';
export { rosterNames, type RosterDeps } from './names.js';
