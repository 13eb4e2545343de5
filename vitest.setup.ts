// Property-based tests and fuzzers (fast-check) draw random inputs. In CI they run from a fixed seed, so a
// submission's result does not depend on luck; locally every run explores new inputs. A failure prints its
// seed: FC_SEED=<seed> npm test replays it.
import fc from 'fast-check';

const seed = process.env.FC_SEED ?? (process.env.CI ? '20261125' : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
