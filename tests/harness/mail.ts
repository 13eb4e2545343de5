// A forwarded e-mail as coordinators save it (.txt): the newer message with its header block, then the older
// one below an Outlook separator. Tests of the FAQ and of the importer read the same shape.
export function forwardedMail(subject: string, newer: readonly string[], older: readonly string[]): string {
  return [
    'Von: Anna Beispiel <anna@example.org>',
    'Gesendet: Mittwoch, 3. Februar 2027 11:42',
    `Betreff: WG: ${subject}`,
    '',
    ...newer,
    '',
    '-----Ursprüngliche Nachricht-----',
    'Von: Anna Beispiel <anna@example.org>',
    'Gesendet: Dienstag, 26. Januar 2027 16:05',
    `Betreff: ${subject}`,
    '',
    ...older,
  ].join('\n');
}
