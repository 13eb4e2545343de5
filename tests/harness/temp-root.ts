// Vitest global setup: every temporary folder a test run makes (os.tmpdir() in tests, the services and the
// Azurite they start) goes under one folder of its own, removed when the run ends, so runs leave nothing in
// the machine's temporary directory, also where a test forgets to clean up or fails half-way.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'plb-test-run-'));
  const previous = process.env.TMPDIR;
  // Workers are forked after global setup and inherit the environment; os.tmpdir() reads TMPDIR.
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    fs.rmSync(root, { recursive: true, force: true });
  };
}
