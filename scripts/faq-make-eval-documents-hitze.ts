// Writes the session guide (DOCX) of the FAQ evaluation program "hitzeschutz-sydney-en"
// (tests/faq/programs/hitzeschutz-sydney-en/material/03-session-guide.docx). Coordinators often hand over their
// session guide as a Word file, so the evaluation needs one; it is built here from plain text, so no binary of
// unknown origin sits in the repository.
//   npx tsx scripts/faq-make-eval-documents-hitze.ts [materialDir]
// Deterministic: makeDocx of scripts/faq-make-documents.ts zips with a fixed date, so two runs give
// byte-identical files.
import fs from 'node:fs/promises';
import path from 'node:path';
import { makeDocx } from './faq-make-documents.js';

const guide = [
  '# Session guide: Heat-health action plans in cities',
  'Australian–German exchange 2027. This guide describes what happens in each session. All times below are Sydney time.',
  '## Session 1 – Kick-off: Why cities need a heat-health action plan (16 February 2027)',
  'Welcome by Dr Priya Nandakumar, round of introductions and a short survey of the participating cities.',
  'Input from the City of Parrawong (New South Wales): heat is the deadliest natural hazard in Australia. In the '
    + 'summer of 2019/20 Parrawong recorded 17 days above 40 °C. Since then the council runs a heat-health action '
    + 'plan with 4 alert levels, coordinated by a heat officer in the public health team.',
  'Breakout rooms: What does your city already do on hot days, and who is in charge?',
  '## Session 2 – Heat alerts and early warning (30 March 2027)',
  'How a heat alert travels from the weather service to the people who need it. Parrawong triggers its first alert '
    + 'level when the forecast shows 3 consecutive days with a maximum of 35 °C or more.',
  'Input from Germany: the Deutscher Wetterdienst (DWD) issues heat warnings at two levels, "starke Wärmebelastung" '
    + 'and "extreme Wärmebelastung", and municipalities can subscribe to them for their district.',
  'Exercise: draw your own alert chain, from the warning to the nursing homes and schools.',
  '## Session 3 – Cooling centres and reaching vulnerable people (11 May 2027)',
  'Parrawong opens 12 public libraries as cooling centres with longer opening hours on alert days. In the summer '
    + 'of 2025/26 the cooling centres counted about 9,600 visits.',
  'The German town of Lindenbrück presents its Hitzetelefon: volunteers phone older people who live alone on hot '
    + 'days. In summer 2026 the volunteers made 1,380 calls to 212 registered people.',
  'Discussion: how do we reach people who do not read warnings, such as homeless people or people living alone?',
  '## Session 4 – Shade, trees and cool public spaces; closing session (15 June 2027)',
  'Longer session of two hours. Urban planners from both countries show how shade and greening lower the heat in '
    + 'streets and squares. Lindenbrück planted 240 street trees between 2023 and 2026 and mapped its hottest squares '
    + 'with a thermal drone flight.',
  'Closing round: every city names one measure it will take into its own heat-health action plan.',
  '## Glossary',
  'Heat-health action plan (German: Hitzeaktionsplan): a plan that sets out who does what before and during a heatwave to protect health.',
  'Cooling centre: a public building with air conditioning, such as a library, that people can visit during a heatwave free of charge.',
  'Heat officer: the person in the council who coordinates the heat-health action plan.',
  'Vulnerable people: people at higher risk in heat, for example older people, small children, people with chronic illness and people without a home.',
];

async function main(): Promise<void> {
  const out = path.resolve(process.argv[2] ?? 'tests/faq/programs/hitzeschutz-sydney-en/material');
  await fs.mkdir(out, { recursive: true });
  await fs.writeFile(path.join(out, '03-session-guide.docx'), await makeDocx(guide));
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
