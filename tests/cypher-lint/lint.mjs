// Lints Cypher statements with Neo4j's own linter (@neo4j-cypher/language-support) for Cypher 5.
// Usage: node lint.mjs <statements.json>
//   where the file holds [{"name": "...", "statement": "..."}, ...].
// Prints one JSON object per diagnostic and exits 1 when there is any; undefined-parameter diagnostics are
// ignored, because the linter has no way to know the parameters the application sends.
import { readFileSync } from 'node:fs';
import { lintCypherQuery, isNotParamError } from '@neo4j-cypher/language-support';

const file = process.argv[2];
if (!file) {
  console.error('usage: node lint.mjs <statements.json>');
  process.exit(2);
}

const statements = JSON.parse(readFileSync(file, 'utf8'));
let problems = 0;
for (const { name, statement } of statements) {
  const { diagnostics } = lintCypherQuery(statement, { defaultLanguage: 'CYPHER 5' });
  for (const d of diagnostics.filter(isNotParamError)) {
    problems++;
    console.log(JSON.stringify({
      name,
      severity: d.severity === 1 ? 'error' : 'warning',
      message: d.message,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
    }));
  }
}

console.log(`linted ${statements.length} statements, ${problems} diagnostics`);
process.exit(problems === 0 ? 0 : 1);
