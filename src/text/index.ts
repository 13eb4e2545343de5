// German and English text helpers shared by the importer, the FAQ, commands and themes: one folding, one
// slug, one entity table, one stop-word list per language, one stemmer loader, one tokenizer.
export { foldText, foldLoose, lowerGerman, sameFolded } from './fold.js';
export { slug, uniqueSlug, DEFAULT_SLUG_LENGTH, type UniqueSlugOptions } from './slug.js';
export { decodeEntities, NAMED_ENTITIES } from './entities.js';
export { GERMAN_STOP_WORDS, ENGLISH_STOP_WORDS, isStopWord, guessLanguage, statedLanguage } from './stop-words.js';
export { stem, stemmerFor, type Stemmer, type TextLanguage } from './stem.js';
export { words, joinedWords } from './tokenize.js';
export { mailHeaders, quotedMessageStart } from './mail.js';
export { withoutSalutation } from './salutations.js';
