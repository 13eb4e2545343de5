import { describe, expect, it } from 'vitest';
import { escapeCardText, executeAction } from './adaptive.js';

describe('escapeCardText', () => {
  it('neutralises mentions, links, entities and Markdown from participants', () => {
    const out = escapeCardText('<at>Max</at> [x](https://evil.example) **b** &lt;at&gt; a>b');
    expect(out).not.toMatch(/<at>|<\/at>/);
    expect(out).toContain('\\[x\\]');
    expect(out).not.toContain('https://');
    expect(out).not.toContain('&lt;');
    expect(out).not.toMatch(/(^|[^\\])\*\*/);
    expect(out).toContain('‹at›Max‹/at›');
    expect(out).toContain('a›b');
  });
});

describe('executeAction', () => {
  it('carries an Action.Submit fallback with the same verb and data', () => {
    const action = executeAction('Senden', 'x.send', { id: 1 });
    expect(action.fallback).toEqual({ type: 'Action.Submit', title: 'Senden', data: { id: 1, verb: 'x.send' } });
  });
});
