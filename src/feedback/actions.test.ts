import { describe, expect, it } from 'vitest';
import { isFeedbackVerb, parseFeedbackAction, validateAnswer, type SubmitAction } from './actions.js';

const submit = (fields: Record<string, unknown>): SubmitAction => {
  const parsed = parseFeedbackAction({ sessionId: 'auftakt', ...fields }, 'feedback.submit');
  if (!parsed.ok || parsed.value.verb !== 'feedback.submit') throw new Error('expected a submit action');
  return parsed.value;
};

describe('parseFeedbackAction', () => {
  it('reads an Action.Execute payload (verb beside the data) and the Action.Submit fallback (verb inside)', () => {
    expect(parseFeedbackAction({ sessionId: 'auftakt', rating: '4', good: 'x' }, 'feedback.submit')).toEqual({
      ok: true,
      value: { verb: 'feedback.submit', sessionId: 'auftakt', rating: '4', good: 'x' },
    });
    expect(parseFeedbackAction({ verb: 'feedback.edit', sessionId: 'auftakt' })).toEqual({
      ok: true,
      value: { verb: 'feedback.edit', sessionId: 'auftakt' },
    });
    expect(parseFeedbackAction({ verb: 'feedback.refresh', sessionId: 'auftakt' })).toMatchObject({ ok: true });
  });

  it('drops any person id smuggled into the data', () => {
    const parsed = parseFeedbackAction(
      { sessionId: 'auftakt', rating: 5, aadObjectId: 'someone-else', responderAadId: 'x', userId: '29:x', from: { id: 'x' } },
      'feedback.submit',
    );
    expect(parsed.ok && Object.keys(parsed.value).sort()).toEqual(['rating', 'sessionId', 'verb']);
  });

  it.each([
    ['no data', undefined, 'feedback.submit'],
    ['a string', 'hello', 'feedback.submit'],
    ['an array', [1, 2], 'feedback.submit'],
    ['null', null, 'feedback.submit'],
    ['no session id', { rating: 3 }, 'feedback.submit'],
    ['an empty session id', { sessionId: '  ', rating: 3 }, 'feedback.submit'],
    ['a numeric session id', { sessionId: 7, rating: 3 }, 'feedback.submit'],
    ['an unknown verb', { sessionId: 'auftakt' }, 'feedback.delete'],
    ['no verb at all', { sessionId: 'auftakt' }, undefined],
    ['an object as rating', { sessionId: 'auftakt', rating: { value: 3 } }, 'feedback.submit'],
    ['a number as comment', { sessionId: 'auftakt', rating: 3, good: 42 }, 'feedback.submit'],
  ])('rejects %s as malformed', (_name, data, verb) => {
    expect(parseFeedbackAction(data, verb)).toEqual({ ok: false, code: 'malformed' });
  });

  it('knows its verbs', () => {
    expect(isFeedbackVerb('feedback.submit')).toBe(true);
    expect(isFeedbackVerb('rsvp.yes')).toBe(false);
    expect(isFeedbackVerb(undefined)).toBe(false);
  });
});

describe('validateAnswer', () => {
  it('accepts whole stars 1..5 as number or string and trims comments', () => {
    expect(validateAnswer(submit({ rating: 1 }))).toEqual({ ok: true, value: { rating: 1 } });
    expect(validateAnswer(submit({ rating: ' 5 ', good: '  Gut  ', better: '' }))).toEqual({
      ok: true,
      value: { rating: 5, good: 'Gut' },
    });
    expect(validateAnswer(submit({ rating: 3, good: null, better: 'a\r\nb' }))).toEqual({ ok: true, value: { rating: 3, better: 'a\nb' } });
  });

  it.each([0, 6, -1, 3.5, '3.5', '', 'drei', '0x3', '1e0', Infinity, undefined, 100])('rejects the rating %s', (rating) => {
    expect(validateAnswer(submit({ rating }))).toEqual({ ok: false, code: 'ratingInvalid' });
  });

  it('allows 1,000 characters (umlauts and emoji counted as one) and rejects 1,001', () => {
    expect(validateAnswer(submit({ rating: 4, good: 'ä'.repeat(1000) })).ok).toBe(true);
    expect(validateAnswer(submit({ rating: 4, better: '😀'.repeat(1000) })).ok).toBe(true);
    expect(validateAnswer(submit({ rating: 4, good: 'a'.repeat(1001) }))).toEqual({ ok: false, code: 'textTooLong' });
    expect(validateAnswer(submit({ rating: 4, better: 'ö'.repeat(1001) }))).toEqual({ ok: false, code: 'textTooLong' });
  });
});
