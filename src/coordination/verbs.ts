// The Action.Execute verbs of the coordinator cards. Every one is routed to a handler that re-checks the
// coordinator policy: a card payload can be crafted by hand.
export const VERBS = {
  programShow: 'coord.program.show',
  sessionEdit: 'coord.session.edit',
  sessionNew: 'coord.session.new',
  sessionSave: 'coord.session.save',
  sessionConfirm: 'coord.session.confirm',
  sessionCancel: 'coord.session.cancel',
  remindersShow: 'coord.reminders.show',
  remindersSave: 'coord.reminders.save',
  announceCompose: 'coord.announce.compose',
  announcePreview: 'coord.announce.preview',
  announceSend: 'coord.announce.send',
  announceAbort: 'coord.announce.abort',
  announceCancel: 'coord.announce.cancel',
  progressRefresh: 'coord.progress.refresh',
  statusShow: 'coord.status.show',
} as const;

export type CoordinationVerb = (typeof VERBS)[keyof typeof VERBS];
