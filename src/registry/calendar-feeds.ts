// Personal calendar feeds: the public feed leaves out the meeting join links (a public link to a Teams meeting
// invites strangers in); a participant gets a feed URL of their own, with a random token, that includes them.
// `termine` in a personal chat shows it, `kalender zurücksetzen` replaces the token (the old URL then gets 404),
// and "delete my data" removes it.
//
// Table calendarFeeds, one partition so that a person's row and their token's row change in one transaction:
//   PK = "feeds"  RK = "p.<Entra object id>"  token, createdAt     (the person's current token)
//   PK = "feeds"  RK = "t.<token>"            createdAt, aadObjectId  (a token that opens the feed, and whose it
//                                                                 is: the feed covers the programs they follow;
//                                                                 rows written before carry no aadObjectId)
// Tokens are 32 random bytes in base64url (43 characters of [A-Za-z0-9_-]).
import crypto from 'node:crypto';
import type { TableClient, TransactionAction } from '@azure/data-tables';
import { getEntityOrUndefined, isStatus, type TableStore } from '../storage/tables.js';

export const CALENDAR_FEEDS_TABLE = 'calendarFeeds';
const PARTITION = 'feeds';
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const personRow = (aadObjectId: string) => `p.${aadObjectId.trim().toLowerCase()}`;
const tokenRow = (token: string) => `t.${token}`;

export function isFeedToken(value: string): boolean {
  return TOKEN.test(value);
}

export class CalendarFeeds {
  constructor(private readonly store: TableStore) {}

  private table(): Promise<TableClient> {
    return this.store.table(CALENDAR_FEEDS_TABLE);
  }

  /** The person's feed token, created on first use. */
  async tokenFor(aadObjectId: string, at: Date): Promise<string> {
    const table = await this.table();
    for (let attempt = 0; ; attempt++) {
      const current = await this.current(table, aadObjectId);
      if (current) return current.token;
      const token = newToken();
      try {
        await table.submitTransaction([
          ['create', { partitionKey: PARTITION, rowKey: tokenRow(token), createdAt: at, aadObjectId }],
          ['create', { partitionKey: PARTITION, rowKey: personRow(aadObjectId), token, createdAt: at }],
        ]);
        return token;
      } catch (error) {
        // Two first uses at once: the other one's token won; read it.
        if (!isConflict(error) || attempt >= 2) throw error;
      }
    }
  }

  /** Replaces the person's token: the old feed URL stops working at once. Returns the new token. */
  async reset(aadObjectId: string, at: Date): Promise<string> {
    const table = await this.table();
    const current = await this.current(table, aadObjectId);
    if (!current) return this.tokenFor(aadObjectId, at);
    const token = newToken();
    await table.submitTransaction([
      ['delete', { partitionKey: PARTITION, rowKey: tokenRow(current.token) }],
      ['create', { partitionKey: PARTITION, rowKey: tokenRow(token), createdAt: at, aadObjectId }],
      ['update', { partitionKey: PARTITION, rowKey: personRow(aadObjectId), token, createdAt: at }, 'Replace', { etag: current.etag }],
    ] as TransactionAction[]);
    return token;
  }

  /** Whether a token opens the personal feed (a wrong, malformed or revoked one does not). */
  async isValid(token: string): Promise<boolean> {
    if (!isFeedToken(token)) return false;
    return (await getEntityOrUndefined(await this.table(), PARTITION, tokenRow(token))) !== undefined;
  }

  /**
   * Whose feed a token opens: the Entra object id, or undefined for a wrong, malformed or revoked token. A
   * token written before the row named its person is found through the person's row.
   */
  async ownerOf(token: string): Promise<string | undefined> {
    if (!isFeedToken(token)) return undefined;
    const table = await this.table();
    const row = await getEntityOrUndefined<{ aadObjectId?: string }>(table, PARTITION, tokenRow(token));
    if (!row) return undefined;
    if (typeof row.aadObjectId === 'string') return row.aadObjectId;
    for await (const row of table.listEntities({ queryOptions: { filter: `PartitionKey eq '${PARTITION}' and token eq '${token}'`, select: ['RowKey'] } })) {
      return String(row.rowKey).slice(2);
    }
    return undefined;
  }

  /** "Delete my data": removes the person's feed (token first, so the URL dies even if the second step fails). */
  async deleteFor(aadObjectId: string): Promise<number> {
    const table = await this.table();
    const current = await this.current(table, aadObjectId);
    if (!current) return 0;
    await deleteIgnoringMissing(table, tokenRow(current.token));
    await deleteIgnoringMissing(table, personRow(aadObjectId));
    return 1;
  }

  private async current(table: TableClient, aadObjectId: string): Promise<{ token: string; etag: string } | undefined> {
    const row = await getEntityOrUndefined<{ token: string }>(table, PARTITION, personRow(aadObjectId));
    return row && { token: row.token, etag: row.etag };
  }
}

function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

function isConflict(error: unknown): boolean {
  return isStatus(error, 409) || /EntityAlreadyExists/i.test(String((error as Error)?.message ?? ''));
}

async function deleteIgnoringMissing(table: TableClient, rowKey: string): Promise<void> {
  try {
    await table.deleteEntity(PARTITION, rowKey);
  } catch (error) {
    if (!isStatus(error, 404)) throw error;
  }
}
