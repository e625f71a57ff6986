/**
 * The core is pure (STYLE.md): no I/O, no clock, no randomness, no console. This check scans
 * src/core (tests excepted) and fails with file:line for every violation.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const RULES: { pattern: RegExp; why: string }[] = [
  { pattern: /from\s+['"](node:|fs|path|os|child_process|http|https|net)['"/]/, why: 'Node I/O module' },
  {
    pattern: /from\s+['"](pg|@electric-sql\/pglite|drizzle-orm[^'"]*|fastify[^'"]*|exceljs)['"]/,
    why: 'database/HTTP library',
  },
  { pattern: /from\s+['"][./]*\.\.\/(db|server|web|cli)\//, why: 'import from an outer layer' },
  { pattern: /\bDate\.now\s*\(/, why: 'reads the clock (pass a clock in)' },
  { pattern: /new\s+Date\s*\(\s*\)/, why: 'reads the clock (pass a clock in)' },
  { pattern: /\bperformance\.now\s*\(/, why: 'reads the clock (pass a clock in)' },
  { pattern: /\bMath\.random\s*\(/, why: 'unseeded randomness (use createRandom(seed))' },
  { pattern: /\bconsole\.[a-z]+\s*\(/, why: 'console output (pass a logger in)' },
  { pattern: /\bprocess\.(env|argv|stdout|stderr|exit)/, why: 'process state' },
  { pattern: /\b(fetch|XMLHttpRequest)\s*\(/, why: 'network I/O' },
];

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

// Exceptions, each with its reason (documented in docs/ARCHITECTURE.md).
const ALLOWED: Record<string, RegExp[]> = {
  // exceljs only parses a Buffer the caller read; no I/O happens in the core.
  'src/core/cbs-import/read-kwb-xlsx.ts': [/exceljs/],
};

const violations: string[] = [];
for (const file of listFiles('src/core')) {
  if (!/\.tsx?$/.test(file) || /\.test\.tsx?$/.test(file)) continue;
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, index) => {
    if (/^\s*(\/\/|\*|\/\*)/.test(line)) return;
    for (const rule of RULES) {
      if (!rule.pattern.test(line)) continue;
      if (ALLOWED[file]?.some((allowed) => allowed.test(line))) continue;
      violations.push(`${file}:${index + 1}: ${rule.why}: ${line.trim()}`);
    }
  });
}
if (violations.length > 0) {
  console.error(`De kern (src/core) moet puur blijven:\n${violations.join('\n')}`);
  process.exit(1);
}
console.log('src/core is puur: geen I/O, klok, toeval of console.');
