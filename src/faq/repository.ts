// Storage of the FAQ feature: asked questions, votes, escalations and curated entries (Table Storage).
//
// Keys:
//   FaqQuestions   PK "question"              RK questionId (time-ordered)   programId, question, locale, answered,
//                                                                            confidence, conversationId, userId, askedAt
//   FaqVotes       PK questionId              RK safeKey(voterId)            helpful, votedAt  (one vote per person; last wins)
//   FaqEscalations PK "escalation"            RK questionId                  status open|answered, answer, answeredBy,
//                                                                            forwardedAt, answeredAt
//   FaqCurated     PK "curated|<programId>"   RK entryId                     questions (JSON), answer, source, createdBy, createdAt
// A question carries its program as a field, not in its key: card buttons name a question by its id alone, so
// the buttons of cards posted before programs existed keep working. Votes and escalations follow their
// question. Curated entries are read per program, so their partition is the program's.
// Rows written before programs (questions without programId, curated entries in PK "curated") are given to
// the deployment's only program by assignUndecided(); with several programs they wait for it.
// Questions are few (the participants of a deployment's programs), so gaps() reads the question and vote
// tables whole.
import type { TableClient } from '@azure/data-tables';
import { isStatus, listAll, odataString, safeKey, type TableStore } from '../storage/tables.js';
import { AppError } from '../shared/errors.js';
import type { Locale } from '../i18n/locale.js';
import type { CuratedEntry } from './knowledge-base.js';
import { foldUmlauts } from './german.js';

export interface AskedQuestion {
  id: string;
  /** The program whose material answered (absent on rows written before programs and not yet assigned). */
  programId?: string;
  question: string;
  locale: Locale;
  answered: boolean;
  confidence: number;
  /** The asker's conversation, so a coordinator's answer can be routed back. */
  conversationId: string;
  userId?: string;
  askedAt: string;
}

export interface Vote {
  questionId: string;
  voterId: string;
  helpful: boolean;
  votedAt: string;
}

export type EscalationStatus = 'open' | 'answered';

export interface Escalation {
  questionId: string;
  status: EscalationStatus;
  answer?: string;
  answeredBy?: string;
  forwardedAt: string;
  answeredAt?: string;
}

export interface StoredCuratedEntry extends CuratedEntry {
  createdBy?: string;
  createdAt: string;
}

export interface Gap {
  /** The normalised question text the entries were grouped under. */
  normalized: string;
  /** The most recent wording. */
  example: string;
  count: number;
  unanswered: number;
  unhelpful: number;
  lastAskedAt: string;
}

/** Lower-case, umlauts folded, punctuation dropped, whitespace collapsed: "Wann ist der Auftakt?" = "wann ist der auftakt". */
export function normalizeQuestion(text: string): string {
  return foldUmlauts(text.toLowerCase().replace(/ß/g, 'ss'))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const Q = 'question';
const E = 'escalation';
const LEGACY_CURATED = 'curated';
const curatedPartition = (programId: string) => `curated|${programId}`;

export class FaqRepository {
  constructor(private readonly store: TableStore) {}

  private questions(): Promise<TableClient> {
    return this.store.table('FaqQuestions');
  }
  private votes(): Promise<TableClient> {
    return this.store.table('FaqVotes');
  }
  private escalations(): Promise<TableClient> {
    return this.store.table('FaqEscalations');
  }
  private curated(): Promise<TableClient> {
    return this.store.table('FaqCurated');
  }

  /** Stored before the answer is sent; questions asked together are written in one transaction. */
  async saveQuestion(q: AskedQuestion): Promise<void> {
    const batcher = await this.store.batcher('FaqQuestions');
    await batcher.write({ type: 'create', entity: {
      partitionKey: Q,
      rowKey: q.id,
      ...(q.programId ? { programId: q.programId } : {}),
      question: q.question,
      locale: q.locale,
      answered: q.answered,
      confidence: q.confidence,
      conversationId: q.conversationId,
      ...(q.userId ? { userId: q.userId } : {}),
      askedAt: q.askedAt,
    } });
  }

  async getQuestion(id: string): Promise<AskedQuestion | undefined> {
    const client = await this.questions();
    try {
      const e = await client.getEntity<Record<string, unknown>>(Q, id);
      return toQuestion(e);
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  /** All questions, or those of one program. */
  async listQuestions(programId?: string): Promise<AskedQuestion[]> {
    const client = await this.questions();
    const filter = `PartitionKey eq ${odataString(Q)}${programId ? ` and programId eq ${odataString(programId)}` : ''}`;
    return (await listAll<Record<string, unknown>>(client, filter)).map(toQuestion);
  }

  async saveVote(v: Vote): Promise<void> {
    const client = await this.votes();
    await client.upsertEntity({ partitionKey: v.questionId, rowKey: safeKey(v.voterId), voterId: v.voterId, helpful: v.helpful, votedAt: v.votedAt }, 'Replace');
  }

  async listVotes(questionId?: string): Promise<Vote[]> {
    const client = await this.votes();
    const rows = await listAll<Record<string, unknown>>(client, questionId ? `PartitionKey eq ${odataString(questionId)}` : undefined);
    return rows.map((e) => ({ questionId: e.partitionKey, voterId: String(e.voterId), helpful: e.helpful === true, votedAt: String(e.votedAt) }));
  }

  /** "Meine Daten löschen": the person's questions and votes. Returns how many rows were removed. */
  async deleteByUser(userId: string): Promise<number> {
    let removed = 0;
    const questions = await this.questions();
    for (const row of await listAll(questions, `PartitionKey eq ${odataString(Q)} and userId eq ${odataString(userId)}`)) {
      await questions.deleteEntity(row.partitionKey!, row.rowKey!).catch((error: unknown) => {
        if (!isStatus(error, 404)) throw error;
      });
      removed++;
    }
    const votes = await this.votes();
    for (const row of await listAll(votes, `RowKey eq ${odataString(safeKey(userId))}`)) {
      await votes.deleteEntity(row.partitionKey!, row.rowKey!).catch((error: unknown) => {
        if (!isStatus(error, 404)) throw error;
      });
      removed++;
    }
    return removed;
  }

  /**
   * Purge of a removed program: the questions asked about it (`programId` on the question row), with their
   * votes and escalations, and its curated entries. Returns how many rows were removed.
   */
  async deleteProgram(programId: string): Promise<number> {
    const ignoreMissing = (error: unknown) => {
      if (!isStatus(error, 404)) throw error;
    };
    const questions = await this.questions();
    const votes = await this.votes();
    const escalations = await this.escalations();
    let removed = 0;
    for (const row of await listAll(questions, `PartitionKey eq ${odataString(Q)} and programId eq ${odataString(programId)}`)) {
      for (const vote of await listAll(votes, `PartitionKey eq ${odataString(row.rowKey!)}`)) {
        await votes.deleteEntity(vote.partitionKey!, vote.rowKey!).catch(ignoreMissing);
        removed++;
      }
      await escalations.deleteEntity(E, row.rowKey!).then(() => removed++, ignoreMissing);
      await questions.deleteEntity(row.partitionKey!, row.rowKey!).catch(ignoreMissing);
      removed++;
    }
    const curated = await this.curated();
    for (const row of await listAll(curated, `PartitionKey eq ${odataString(curatedPartition(programId))}`)) {
      await curated.deleteEntity(row.partitionKey!, row.rowKey!).catch(ignoreMissing);
      removed++;
    }
    return removed;
  }

  /** Opens an escalation; forwarding the same question twice keeps the first one. Returns whether it was new. */
  async openEscalation(questionId: string, forwardedAt: string): Promise<boolean> {
    const client = await this.escalations();
    try {
      await client.createEntity({ partitionKey: E, rowKey: questionId, status: 'open', forwardedAt });
      return true;
    } catch (error) {
      if (isStatus(error, 409)) return false;
      throw error;
    }
  }

  async getEscalation(questionId: string): Promise<Escalation | undefined> {
    const client = await this.escalations();
    try {
      return toEscalation(await client.getEntity<Record<string, unknown>>(E, questionId));
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  /** Records the coordinator's answer; a second answer to the same escalation is refused (etag check). */
  async answerEscalation(questionId: string, answer: string, answeredBy: string, answeredAt: string): Promise<Escalation> {
    const client = await this.escalations();
    let entity;
    try {
      entity = await client.getEntity<Record<string, unknown>>(E, questionId);
    } catch (error) {
      if (isStatus(error, 404)) throw new AppError('faq.escalation_not_found', 'no escalation for this question', { questionId });
      throw error;
    }
    if (entity.status === 'answered') throw new AppError('faq.escalation_already_answered', 'escalation already answered', { questionId });
    try {
      await client.updateEntity({ partitionKey: E, rowKey: questionId, status: 'answered', answer, answeredBy, answeredAt }, 'Merge', { etag: entity.etag });
    } catch (error) {
      if (isStatus(error, 412)) throw new AppError('faq.escalation_already_answered', 'escalation answered concurrently', { questionId });
      throw error;
    }
    return { questionId, status: 'answered', answer, answeredBy, forwardedAt: String(entity.forwardedAt), answeredAt };
  }

  async listEscalations(status?: EscalationStatus): Promise<Escalation[]> {
    const client = await this.escalations();
    const filter = `PartitionKey eq ${odataString(E)}${status ? ` and status eq ${odataString(status)}` : ''}`;
    return (await listAll<Record<string, unknown>>(client, filter)).map(toEscalation);
  }

  async saveCurated(programId: string, entry: StoredCuratedEntry): Promise<void> {
    const client = await this.curated();
    await client.upsertEntity(
      {
        partitionKey: curatedPartition(programId),
        rowKey: entry.id,
        questions: JSON.stringify(entry.questions),
        answer: entry.answer,
        ...(entry.source ? { source: entry.source } : {}),
        ...(entry.createdBy ? { createdBy: entry.createdBy } : {}),
        createdAt: entry.createdAt,
      },
      'Replace',
    );
  }

  /** The curated entries of one program. */
  async listCurated(programId: string): Promise<StoredCuratedEntry[]> {
    const client = await this.curated();
    const rows = await listAll<Record<string, unknown>>(client, `PartitionKey eq ${odataString(curatedPartition(programId))}`);
    return rows.map(toCurated);
  }

  /**
   * Gives the rows written before programs existed to `programId` (the deployment's only program): questions
   * get the field, curated entries move into the program's partition. Idempotent, so instances starting
   * together may both run it. Returns how many rows it assigned.
   */
  async assignUndecided(programId: string): Promise<number> {
    let assigned = 0;
    const questions = await this.questions();
    for (const row of await listAll<Record<string, unknown>>(questions, `PartitionKey eq ${odataString(Q)}`)) {
      if (row.programId) continue;
      await questions.updateEntity({ partitionKey: Q, rowKey: String(row.rowKey), programId }, 'Merge');
      assigned++;
    }
    const curated = await this.curated();
    for (const row of await listAll<Record<string, unknown>>(curated, `PartitionKey eq ${odataString(LEGACY_CURATED)}`)) {
      await this.saveCurated(programId, toCurated(row));
      await curated.deleteEntity(LEGACY_CURATED, String(row.rowKey)).catch((error: unknown) => {
        if (!isStatus(error, 404)) throw error;
      });
      assigned++;
    }
    return assigned;
  }

  /** The most frequent questions that were declined or voted 👎, grouped by their normalised text (of one program, or all). */
  async gaps(limit = 20, programId?: string): Promise<Gap[]> {
    const [questions, votes] = await Promise.all([this.listQuestions(programId), this.listVotes()]);
    const unhelpful = new Set<string>();
    const latestVote = new Map<string, Vote>();
    for (const v of votes) {
      const key = `${v.questionId}\u0000${v.voterId}`;
      const prev = latestVote.get(key);
      if (!prev || prev.votedAt <= v.votedAt) latestVote.set(key, v);
    }
    for (const v of latestVote.values()) if (!v.helpful) unhelpful.add(v.questionId);
    const groups = new Map<string, Gap>();
    for (const q of questions) {
      const isUnhelpful = unhelpful.has(q.id);
      if (q.answered && !isUnhelpful) continue;
      const normalized = normalizeQuestion(q.question);
      if (!normalized) continue;
      const g = groups.get(normalized) ?? { normalized, example: q.question, count: 0, unanswered: 0, unhelpful: 0, lastAskedAt: q.askedAt };
      g.count++;
      if (!q.answered) g.unanswered++;
      if (isUnhelpful) g.unhelpful++;
      if (q.askedAt >= g.lastAskedAt) {
        g.lastAskedAt = q.askedAt;
        g.example = q.question;
      }
      groups.set(normalized, g);
    }
    return [...groups.values()].sort((a, b) => b.count - a.count || b.lastAskedAt.localeCompare(a.lastAskedAt)).slice(0, limit);
  }
}

function toCurated(e: Record<string, unknown>): StoredCuratedEntry {
  return {
    id: String(e.rowKey),
    questions: JSON.parse(String(e.questions)) as string[],
    answer: String(e.answer),
    ...(e.source ? { source: String(e.source) } : {}),
    ...(e.createdBy ? { createdBy: String(e.createdBy) } : {}),
    createdAt: String(e.createdAt),
  };
}

function toQuestion(e: Record<string, unknown>): AskedQuestion {
  return {
    id: String(e.rowKey),
    ...(e.programId ? { programId: String(e.programId) } : {}),
    question: String(e.question),
    locale: e.locale === 'en' ? 'en' : 'de',
    answered: e.answered === true,
    confidence: Number(e.confidence ?? 0),
    conversationId: String(e.conversationId),
    ...(e.userId ? { userId: String(e.userId) } : {}),
    askedAt: String(e.askedAt),
  };
}

function toEscalation(e: Record<string, unknown>): Escalation {
  return {
    questionId: String(e.rowKey),
    status: e.status === 'answered' ? 'answered' : 'open',
    ...(e.answer ? { answer: String(e.answer) } : {}),
    ...(e.answeredBy ? { answeredBy: String(e.answeredBy) } : {}),
    forwardedAt: String(e.forwardedAt),
    ...(e.answeredAt ? { answeredAt: String(e.answeredAt) } : {}),
  };
}
