import { describe, expect, it } from 'vitest';
import { sightingOf, wellFormed } from './activity.js';

describe('wellFormed', () => {
  it('hands back well-formed input as it is, without copying', () => {
    const data = { a: 'Grüße 👋', list: ['x', { y: 'z' }], n: 3, none: null };
    expect(wellFormed(data)).toBe(data);
  });

  it('replaces lone surrogates in strings, keys and nested values, and leaves the input alone', () => {
    const data = { ['k\uD800']: ['ok', { deep: 'a\uDC00b' }], pair: '😀', n: 1 };
    const fixed = wellFormed(data);
    expect(fixed).toEqual({ ['k\uFFFD']: ['ok', { deep: 'a\uFFFDb' }], pair: '😀', n: 1 });
    expect(data['k\uD800']![1]).toEqual({ deep: 'a\uDC00b' });
    expect(wellFormed('x\uD83D')).toBe('x\uFFFD');
  });
});

describe('sightingOf', () => {
  it('reads an activity once and gives the same answer for it every time', () => {
    const activity = {
      type: 'message',
      serviceUrl: 'https://smba.example/',
      channelId: 'msteams',
      conversation: { id: 'a:1', name: '', isGroup: false, conversationType: 'personal', tenantId: 't1' },
      from: { id: '29:u', name: 'U', aadObjectId: 'aad-u' },
      recipient: { id: '28:bot', name: 'Bot' },
      locale: 'en-US',
    };
    const first = sightingOf(activity);
    expect(first).toMatchObject({ kind: 'personal', conversationId: 'a:1', tenantId: 't1', userAadObjectId: 'aad-u', locale: 'en' });
    expect(sightingOf(activity)).toBe(first);
    expect(sightingOf({ ...activity, conversation: { ...activity.conversation, id: 'a:2' } }).conversationId).toBe('a:2');
  });
});
