// Writes a program (or an importer draft) as program.yaml. Times are quoted: YAML 1.1 readers would take an
// unquoted 10:00 for the number 600.
import { Document, isScalar, visit } from 'yaml';

export function programToYaml(program: unknown, headerLines: string[] = []): string {
  const doc = new Document(program);
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string' && /^\d{1,2}:\d{2}$/.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  const header = headerLines.map((l) => `# ${l}\n`).join('');
  return header + doc.toString({ lineWidth: 0 });
}
