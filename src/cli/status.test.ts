import { describe, expect, it } from 'vitest';
import { systemClock } from '../shared/clock.js';
import { coordinatorSummary, statusCommand } from './status.js';
import type { CliContext } from './types.js';

describe('status', () => {
  it('refuses an unknown option or a stray argument before it opens storage', async () => {
    const err: string[] = [];
    let opened = 0;
    const ctx: CliContext = {
      out: () => undefined,
      err: (t) => err.push(t),
      env: {},
      contentDir: 'content',
      storage: async () => {
        opened++;
        throw new Error('not reached');
      },
      clock: systemClock,
    };
    expect(await statusCommand.run(['--jsn'], ctx)).toBe(2);
    expect(err.pop()).toBe('Unbekannte Option --jsn.\nAufruf: status [--json]');
    expect(await statusCommand.run(['json'], ctx)).toBe(2);
    expect(err.pop()).toBe('Unerwartetes Argument „json“.\nAufruf: status [--json]');
    expect(opened).toBe(0);
  });

  it('says who may use coordinator commands: nobody in production without COORDINATOR_IDS', () => {
    expect(coordinatorSummary({})).toEqual({ mode: 'everyone', count: 0 });
    expect(coordinatorSummary({ MicrosoftAppId: '11111111-2222-4333-8444-555555555555' })).toEqual({ mode: 'nobody', count: 0 });
    expect(coordinatorSummary({ MicrosoftAppId: 'x', COORDINATOR_IDS: 'a, b,' })).toEqual({ mode: 'listed', count: 2 });
    expect(coordinatorSummary({ COORDINATOR_IDS: 'a' })).toEqual({ mode: 'listed', count: 1 });
  });
});
