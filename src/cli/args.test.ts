import { describe, expect, it } from 'vitest';
import { isProblem, parseOptions } from './args.js';

const spec = { flags: ['json'], values: ['content', 'limit'] };

describe('parseOptions', () => {
  it('reads flags, both value forms and positionals, and stops at --', () => {
    const parsed = parseOptions(['lint', '--json', '--content', 'dir', '--limit=5', 'x', '--', '--json', 'y'], spec);
    expect(parsed).toEqual({ positional: ['lint', 'x', '--json', 'y'], flags: new Set(['json']), values: new Map([['content', 'dir'], ['limit', '5']]) });
  });

  it('keeps a value that contains "=" or starts with a dash when given inline', () => {
    const parsed = parseOptions(['--content=a=b', '--limit=--3'], spec);
    expect(!isProblem(parsed) && [...parsed.values]).toEqual([['content', 'a=b'], ['limit', '--3']]);
  });

  it('names an unknown option, a flag given a value, and a value option without one', () => {
    expect(parseOptions(['--fix'], spec)).toEqual({ problem: 'unknown', name: 'fix' });
    expect(parseOptions(['--json=yes'], spec)).toEqual({ problem: 'unknown', name: 'json' });
    expect(parseOptions(['--content'], spec)).toEqual({ problem: 'missingValue', name: 'content' });
    expect(parseOptions(['--content', '--json'], spec)).toEqual({ problem: 'missingValue', name: 'content' });
  });

  it('treats what is not an option name as positional', () => {
    const parsed = parseOptions(['-j', '---', '--1'], spec);
    expect(!isProblem(parsed) && parsed.positional).toEqual(['-j', '---', '--1']);
  });
});
