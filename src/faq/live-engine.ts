// One program's FAQ engine as the running service needs it: rebuilt when the program changes (coordinator
// edits, a new program.yaml) and when the material in its folder changes on disk, with the curated entries
// carried over. Callers hold one object; the index behind it is swapped whole, so a question never sees half
// a rebuild.
import type { Program } from '../program/model.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/log.js';
import { createFaqEngine, type AskOptions, type FaqAnswer, type FaqEngine } from './engine.js';
import type { CuratedEntry, KnowledgeBase } from './knowledge-base.js';

export interface LiveFaqEngine extends FaqEngine {
  /** Rebuilds for a new program (or the same one after content changes). */
  rebuild(program: Program | undefined): Promise<void>;
  stop(): void;
}

export async function createLiveFaqEngine(options: {
  /** The program's folder: material/ and the optional faq.yaml (CONTENT_DIR itself in the single-program layout). */
  contentDir: string;
  program: Program | undefined;
  /** Entries coordinators saved for this program (from storage). */
  curated?: CuratedEntry[];
  clock: Clock;
  logger: Logger;
  watch: boolean;
}): Promise<LiveFaqEngine> {
  const curated: CuratedEntry[] = [...(options.curated ?? [])];
  const programId = options.program?.program.id;
  const build = (program: Program | undefined, previous?: KnowledgeBase) =>
    createFaqEngine({
      contentDir: options.contentDir,
      clock: options.clock,
      logger: options.logger,
      ...(program ? { program } : {}),
      ...(curated.length ? { curated: [...curated] } : {}),
      ...(previous ? { previous } : {}),
    });
  let current = await build(options.program);
  let watcher: { stop(): void } | undefined;
  const startWatching = () => {
    if (!options.watch) return;
    watcher?.stop();
    watcher = current.watch({
      onReload: (error) => {
        if (error) options.logger.warn({ event: 'faq.reload_failed', programId, err: error.message }, 'FAQ content reload failed; the previous index stays');
        else options.logger.info({ event: 'faq.reloaded', programId }, 'FAQ index rebuilt after a content change');
      },
    });
  };
  startWatching();
  return {
    ask: (question: string, askOptions?: AskOptions): FaqAnswer => current.ask(question, askOptions),
    reload: () => current.reload(),
    addCurated(entries: CuratedEntry[]) {
      curated.push(...entries);
      current.addCurated(entries);
    },
    watch: (o) => current.watch(o),
    get knowledgeBase(): KnowledgeBase {
      return current.knowledgeBase;
    },
    get threshold(): number {
      return current.threshold;
    },
    async rebuild(program) {
      const next = await build(program, current.knowledgeBase);
      current = next;
      startWatching();
      options.logger.info({ event: 'faq.rebuilt', programId, passages: next.knowledgeBase.passages.length }, 'FAQ index rebuilt for the program');
    },
    stop() {
      watcher?.stop();
      watcher = undefined;
    },
  };
}
