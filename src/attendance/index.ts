// Attendance from the meeting itself: participant events, who was there for how long, which session a
// meeting belongs to, the coordinators' attendance answer and the "Verpasst?" catch-up message.
export { parseParticipants, participantEventName, MAX_MEMBERS_PER_EVENT, type MeetingMember, type ParticipantEvent } from './events.js';
export { meetingThreadIdFromJoinUrl, sessionForMeetingStart, MEETING_START_TOLERANCE_MS, type ScheduledSession } from './meeting-session.js';
export { AttendanceRepository, AttendanceConflictError, ATTENDANCE_TABLE } from './repository.js';
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
