// E-mails as coordinators keep them: a newer message with the older one it answers or forwards quoted below.
// The FAQ reads the newer wording first and the announcement importer never takes a schedule from the older.

/**
 * An e-mail's header block as a reader takes it: the subject is the heading of what follows ("Betreff: WG: Reihe
 * - Anmeldung verlängert" over "... verlängern wir die Anmeldung bis zum 22.02.2027"), sender, recipients and
 * date say nothing a participant asks, and the separator line of a quoted message goes.
 */
export function mailHeaders(text: string): string {
  return text
    .split('\n')
    .filter((l) => !/^\s*(von|from|an|to|cc|gesendet|sent|datum|date):\s/i.test(l) && !/^-{2,}\s*(ursprüngliche nachricht|original message|weitergeleitete nachricht|forwarded message)\s*-{2,}\s*$/i.test(l))
    .map((l) => l.replace(/^\s*(?:betreff|subject):\s*(?:(?:aw|wg|re|fw|fwd):\s*)*(.*)$/i, '# $1'))
    .join('\n');
}

/**
 * The line where an older e-mail begins below a newer one: a separator ("-----Ursprüngliche Nachricht-----",
 * "-----Original Message-----", "---------- Forwarded message ---------"), a header block that is not the file's
 * first ("Von: …" followed by "Gesendet: …" or "Datum: …", "From: …" by "Sent: …" or "Date: …"), an attribution
 * ("Am 3. Februar 2027 schrieb …:", "On 3 Feb 2027, … wrote:") or, in plain text, a run of lines quoted with ">".
 */
export function quotedMessageStart(lines: readonly string[], options: { plainText?: boolean } = {}): number | undefined {
  const firstText = lines.findIndex((l) => l.trim() && !/^(von|from|an|to|cc|gesendet|sent|datum|date|betreff|subject):/i.test(l.trim()));
  for (let i = Math.max(firstText, 1); i < lines.length; i++) {
    const t = lines[i]!.trim();
    if (/^-{2,}\s*(ursprüngliche nachricht|original message|weitergeleitete nachricht|forwarded message)\s*-{2,}$/i.test(t)) return i;
    if (/^(von|from):\s/i.test(t) && lines.slice(i + 1, i + 4).some((l) => /^(gesendet|sent|datum|date):\s/i.test(l.trim()))) return i;
    if (/^(am .{4,60} schrieb .{2,80}|on .{4,60} wrote):$/i.test(t)) return i;
    // In Markdown, ">" is a block quote of the author's own.
    if (options.plainText && /^>/.test(t) && /^>/.test(lines[i + 1]?.trim() ?? '')) return i;
  }
  return undefined;
}
