// Adaptive Cards of the FAQ feature: the answer card with sources, votes and the forward offer; the
// answers of several programs grouped by program; the no-answer card; the escalation card for the
// coordinators' channel; the answer the asker receives.
import { card, escapeCardText, executeAction, textBlock, type AdaptiveCard, type CardElement } from '../cards/adaptive.js';
import type { Locale } from '../i18n/locale.js';
import { faqTexts } from '../i18n/faq.js';
import type { FaqAnswer } from './engine.js';
import { splitSentences } from './compose.js';
import { words } from './german.js';

export interface QuestionRef {
  questionId: string;
}

/** The excerpt without the sentences the answer already shows, so no sentence appears twice on the card. */
function freshExcerpt(excerpt: string, answer: string): string {
  const shown = new Set(splitSentences(answer.replace(/\n/g, ' ')).map((s) => words(s).join(' ')));
  return splitSentences(excerpt)
    .filter((s) => !shown.has(words(s.replace(/…$/, '')).join(' ')))
    .join(' ');
}

function sourcesBlock(answer: FaqAnswer, locale: Locale): CardElement[] {
  if (!answer.sources.length) return [];
  const t = faqTexts[locale];
  return [
    textBlock(t.cardSources, { weight: 'Bolder', size: 'Small', spacing: 'Medium', separator: true }),
    ...answer.sources.map((s): CardElement => {
      const rest = freshExcerpt(s.excerpt, answer.answer);
      return {
        type: 'Container',
        items: [textBlock(escapeCardText(s.title), { weight: 'Bolder', size: 'Small' }), ...(rest ? [textBlock(escapeCardText(rest), { size: 'Small', isSubtle: true })] : [])],
      };
    }),
  ];
}

/** One TextBlock per line, so schedule lists read as lists whatever Markdown the client renders. */
function lineBlocks(text: string): CardElement[] {
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => textBlock(escapeCardText(line), i ? { spacing: 'None' } : {}));
}

/** The card a participant gets for a question; a declined answer gets the no-answer card. */
export function buildAnswerCard(answer: FaqAnswer, locale: Locale, ref: QuestionRef): AdaptiveCard {
  if (!answer.answered) return buildNoAnswerCard(locale, ref);
  const t = faqTexts[locale];
  const data = { questionId: ref.questionId };
  return card(
    [...lineBlocks(answer.answer), ...sourcesBlock(answer, locale)],
    [
      executeAction(t.cardHelpful, 'faq.helpful', data),
      executeAction(t.cardUnhelpful, 'faq.unhelpful', data),
      executeAction(t.cardForward, 'faq.forward', data),
    ],
    { lang: locale, fallbackText: answer.answer },
  );
}

/** A program's answer on the grouped card: the program's title, and the question it was logged as. */
export interface ProgramAnswerView {
  program: { title: string };
  questionId: string;
  answer: FaqAnswer;
}

/**
 * The answers of several programs (a personal chat following more than one): one section per program that
 * answered, each with its own sources and buttons. When none answered, one decline names the programs it
 * looked in and offers to forward the question to the organising team of each.
 */
export function buildProgramAnswersCard(answers: ProgramAnswerView[], locale: Locale): AdaptiveCard {
  const t = faqTexts[locale];
  const answered = answers.filter((a) => a.answer.answered);
  if (!answered.length) {
    const titles = answers.map((a) => a.program.title);
    return card(
      [textBlock(t.cardNoAnswerTitle, { weight: 'Bolder' }), textBlock(escapeCardText(t.noAnswerIn(titles))), textBlock(t.forwardOfferPrograms)],
      answers.map((a) => executeAction(t.cardForwardTo(a.program.title), 'faq.forward', { questionId: a.questionId })),
      { lang: locale, fallbackText: `${t.noAnswerIn(titles)} ${t.forwardOfferPrograms}` },
    );
  }
  const sections = answered.map(
    (a, i): CardElement => {
      const data = { questionId: a.questionId };
      return {
        type: 'Container',
        ...(i ? { separator: true, spacing: 'Large' } : {}),
        items: [
          textBlock(escapeCardText(a.program.title), { weight: 'Bolder', size: 'Medium' }),
          ...lineBlocks(a.answer.answer),
          ...sourcesBlock(a.answer, locale),
          {
            type: 'ActionSet',
            actions: [executeAction(t.cardHelpful, 'faq.helpful', data), executeAction(t.cardUnhelpful, 'faq.unhelpful', data), executeAction(t.cardForward, 'faq.forward', data)],
          },
        ],
      };
    },
  );
  return card(sections, [], { lang: locale, fallbackText: answered.map((a) => `${a.program.title}: ${a.answer.answer}`).join('\n') });
}

export function buildNoAnswerCard(locale: Locale, ref: QuestionRef): AdaptiveCard {
  const t = faqTexts[locale];
  return card(
    [textBlock(t.cardNoAnswerTitle, { weight: 'Bolder' }), textBlock(t.noAnswer), textBlock(t.forwardOffer)],
    [executeAction(t.cardForward, 'faq.forward', { questionId: ref.questionId }, 'positive')],
    { lang: locale, fallbackText: `${t.noAnswer} ${t.forwardOffer}` },
  );
}

export interface EscalationView {
  questionId: string;
  question: string;
  /** The asker's language, so coordinators know which language to answer in. */
  askerLocale: Locale;
  /** The program the question was asked in, shown when the deployment has several. */
  programTitle?: string;
  /** Set once answered: the card then shows the answer and offers to save it as an FAQ entry. */
  answer?: string;
}

/** The card in the coordinators' channel: the question (escaped) and an answer form, or the given answer. */
export function buildEscalationCard(escalation: EscalationView, locale: Locale = 'de'): AdaptiveCard {
  const t = faqTexts[locale];
  const data = { questionId: escalation.questionId };
  const head = [
    textBlock(t.cardEscalationTitle, { weight: 'Bolder', size: 'Medium' }),
    ...(escalation.programTitle ? [textBlock(escapeCardText(t.cardEscalationProgram(escalation.programTitle)), { size: 'Small', isSubtle: true, spacing: 'None' })] : []),
    textBlock(escapeCardText(escalation.question)),
    textBlock(t.cardEscalationAsked(escalation.askerLocale), { size: 'Small', isSubtle: true }),
  ];
  if (escalation.answer !== undefined) {
    return card(
      [...head, textBlock(t.cardEscalationAnswered, { weight: 'Bolder', spacing: 'Medium' }), textBlock(escapeCardText(escalation.answer))],
      [executeAction(t.cardCurate, 'faq.curate', data)],
      { lang: locale },
    );
  }
  return card(
    [...head, { type: 'Input.Text', id: 'answer', isMultiline: true, maxLength: 4000, isRequired: true, placeholder: t.cardAnswerPlaceholder, label: t.cardAnswerSubmit }],
    [{ ...executeAction(t.cardAnswerSubmit, 'faq.answer', data, 'positive'), associatedInputs: 'auto' }],
    { lang: locale },
  );
}

/** What the asker receives in personal chat when a coordinator answers. */
export function buildCoordinatorAnswerCard(question: string, answer: string, locale: Locale, ref: QuestionRef): AdaptiveCard {
  const t = faqTexts[locale];
  const data = { questionId: ref.questionId };
  return card(
    [
      textBlock(t.cardAnsweredTitle, { weight: 'Bolder', size: 'Medium' }),
      textBlock(t.cardYourQuestion, { size: 'Small', isSubtle: true }),
      textBlock(escapeCardText(question), { size: 'Small' }),
      textBlock(escapeCardText(answer), { spacing: 'Medium' }),
    ],
    [executeAction(t.cardHelpful, 'faq.helpful', data), executeAction(t.cardUnhelpful, 'faq.unhelpful', data)],
    { lang: locale, fallbackText: answer },
  );
}
