import { describe, expect, it } from 'vitest';
import { buildAnswerCard, buildCoordinatorAnswerCard, buildEscalationCard, buildProgramAnswersCard } from './cards.js';
import { parseFaqAction, FaqActionError } from './actions.js';
import type { FaqAnswer } from './engine.js';

const answered: FaqAnswer = {
  answered: true,
  answer: '„Finalisierung“ findet am Dienstag, 18.11.2025, 10:00–12:00 Uhr statt (virtuell).',
  sources: [{ title: 'Programm: Finalisierung', excerpt: 'Welche Hürden gibt es?' }],
  confidence: 0.95,
};

function verbs(card: { actions?: unknown[] }): string[] {
  return (card.actions ?? []).map((a) => (a as { verb?: string }).verb ?? '');
}

describe('FAQ cards', () => {
  it('answer card: answer, sources, votes and forward', () => {
    const card = buildAnswerCard(answered, 'de', { questionId: 'q1' });
    expect(verbs(card)).toEqual(['faq.helpful', 'faq.unhelpful', 'faq.forward']);
    expect(card.actions?.every((a) => (a as { data?: { questionId?: string } }).data?.questionId === 'q1')).toBe(true);
    expect(card).toMatchSnapshot();
  });

  it('shows no sentence twice when a source excerpt repeats the answer', () => {
    const sentence = '„Finalisierung“ fand am Dienstag, 18.11.2025, 10:00–12:00 Uhr statt.';
    const card = buildAnswerCard({ ...answered, answer: sentence, sources: [{ title: 'Programm: Finalisierung', excerpt: `${sentence} Welche Hürden gibt es?` }] }, 'de', { questionId: 'q1' });
    // The body (the fallback text for clients without cards is the answer alone).
    const text = JSON.stringify((card as { body?: unknown }).body);
    expect(text.split('fand am Dienstag').length - 1).toBe(1);
    expect(text).toContain('Welche Hürden gibt es?');
  });

  it('no-answer card offers forwarding', () => {
    const card = buildAnswerCard({ answered: false, answer: '', sources: [], confidence: 0.1 }, 'en', { questionId: 'q2' });
    expect(verbs(card)).toEqual(['faq.forward']);
    expect(JSON.stringify(card)).toContain("I couldn't find anything about that in the material.");
    expect(card).toMatchSnapshot();
  });

  it('escalation card escapes the question and carries an answer form', () => {
    const card = buildEscalationCard({ questionId: 'q3', question: '<at>Alle</at> **sofort** [klick](http://x.y)', askerLocale: 'en' });
    const text = JSON.stringify(card);
    expect(text).not.toContain('<at>');
    expect(text).not.toContain('http://x');
    expect(card.body.some((e) => e.type === 'Input.Text' && e.id === 'answer')).toBe(true);
    expect(verbs(card)).toEqual(['faq.answer']);
    expect(card).toMatchSnapshot();
    const done = buildEscalationCard({ questionId: 'q3', question: 'Frage', askerLocale: 'de', answer: 'Antwort' });
    expect(verbs(done)).toEqual(['faq.curate']);
  });

  it('answers of several programs: one labelled section per answering program, each with its own buttons', () => {
    const declined: FaqAnswer = { answered: false, answer: '', sources: [], confidence: 0.2 };
    const card = buildProgramAnswersCard(
      [
        { program: { title: 'Klima *vor Ort*' }, questionId: 'qa', answer: answered },
        { program: { title: 'Daten teilen' }, questionId: 'qb', answer: declined },
        { program: { title: 'Wasser' }, questionId: 'qc', answer: { ...answered, answer: 'Die Zisterne sammelt Regenwasser.' } },
      ],
      'de',
    );
    expect(card.actions).toBeUndefined();
    const sections = card.body.map((e) => JSON.stringify(e));
    expect(sections).toHaveLength(2);
    expect(sections[0]).toContain('Klima \\\\*vor Ort\\\\*');
    expect(sections[0]).toContain('"questionId":"qa"');
    expect(sections[1]).toContain('Die Zisterne sammelt Regenwasser.');
    expect(sections[1]).toContain('"questionId":"qc"');
    expect(JSON.stringify(card)).not.toContain('Daten teilen');
    expect(card).toMatchSnapshot();
  });

  it('no program answered: one decline naming them, a forward button per program', () => {
    const declined: FaqAnswer = { answered: false, answer: '', sources: [], confidence: 0.2 };
    const card = buildProgramAnswersCard(
      [
        { program: { title: 'Klima' }, questionId: 'qa', answer: declined },
        { program: { title: 'Daten teilen' }, questionId: 'qb', answer: declined },
      ],
      'en',
    );
    expect(verbs(card)).toEqual(['faq.forward', 'faq.forward']);
    expect(card.actions?.map((a) => (a as { data?: { questionId?: string } }).data?.questionId)).toEqual(['qa', 'qb']);
    expect(JSON.stringify(card)).toContain(`I couldn't find anything about that in the material of \\"Klima\\" and \\"Daten teilen\\".`);
    expect(card).toMatchSnapshot();
  });

  it('escalation card names the program when given', () => {
    const card = buildEscalationCard({ questionId: 'q3', question: 'Frage', askerLocale: 'de', programTitle: 'Klima' });
    expect(JSON.stringify(card.body)).toContain('Programm: Klima');
    expect(JSON.stringify(buildEscalationCard({ questionId: 'q3', question: 'Frage', askerLocale: 'de' }).body)).not.toContain('Programm');
  });

  it('the asker receives the answer with the question, escaped', () => {
    const card = buildCoordinatorAnswerCard('Gibt es *Folien*?', 'Ja, nach dem Termin.', 'de', { questionId: 'q4' });
    expect(JSON.stringify(card)).toContain('Gibt es \\\\*Folien\\\\*?');
    expect(card).toMatchSnapshot();
  });
});

describe('FAQ card actions', () => {
  it('parses every verb, from Action.Execute and from the Action.Submit fallback', () => {
    expect(parseFaqAction('faq.helpful', { questionId: 'q1' })).toEqual({ ok: true, action: { verb: 'faq.helpful', questionId: 'q1' } });
    expect(parseFaqAction(undefined, { verb: 'faq.forward', questionId: 'q1' })).toEqual({ ok: true, action: { verb: 'faq.forward', questionId: 'q1' } });
    expect(parseFaqAction('faq.answer', { questionId: 'q1', answer: '  Ja.  ' })).toEqual({ ok: true, action: { verb: 'faq.answer', questionId: 'q1', answer: 'Ja.' } });
    expect(parseFaqAction('faq.curate', { questionId: 'q1' }).ok).toBe(true);
    expect(parseFaqAction('faq.unhelpful', { questionId: 'q1' }).ok).toBe(true);
  });

  it('turns invalid payloads into typed errors', () => {
    for (const [verb, data] of [
      ['faq.answer', { questionId: 'q1', answer: '   ' }],
      ['faq.helpful', {}],
      ['faq.helpful', { questionId: 'a/b' }],
      ['faq.helpful', null],
      ['faq.delete', { questionId: 'q1' }],
      [undefined, 'garbage'],
    ] as const) {
      const parsed = parseFaqAction(verb, data);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) {
        expect(parsed.error).toBeInstanceOf(FaqActionError);
        expect(parsed.error.code).toMatch(/^faq\.action\./);
      }
    }
  });
});
