// Hostile values for the fuzzers: odd Unicode (RTL and bidi controls, zero-width characters, emoji,
// combining marks, lone surrogates), markup that could inject mentions or links, huge strings, and
// JSON values of every type.
import fc from 'fast-check';

const ODD = [
  '\u202E', // right-to-left override
  '\u200F', // right-to-left mark
  '\u2066', // left-to-right isolate
  '\u200B', // zero-width space
  '\u200D', // zero-width joiner
  '\uFEFF', // byte order mark
  '\u0000',
  '\uD800', // lone high surrogate
  '\uDFFF', // lone low surrogate
  '👩🏽‍💻',
  '🇩🇪',
  'e\u0301',
  'ß',
  'ü',
  '<at>Max</at>',
  '[link](https://evil.example)',
  '<script>alert(1)</script>',
  '${x}',
  '%s%n',
  '\r\n',
  '\\',
  '"',
  '{{x}}',
  'NaN',
];

const fragment = fc.oneof(fc.constantFrom(...ODD), fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 8 }));

export const oddString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.array(fragment, { maxLength: 6 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('a', 'ü', '\u200B', '😀', '<at>'), fc.integer({ min: 1000, max: 60_000 })).map(([s, n]) => s.repeat(n)) },
);

export const jsonish: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  oddString,
  fc.array(fc.oneof(fc.integer(), oddString), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.integer(), oddString, fc.constant(null)), { maxKeys: 3 }),
);
