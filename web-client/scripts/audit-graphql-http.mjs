// Audits a GraphQL endpoint against the GraphQL-over-HTTP spec with graphql-http's suite.
//
//   node web-client/scripts/audit-graphql-http.mjs http://localhost:8080/graphql
//
// Prints one line per audit and a closing "graphql-http audit: N passed, N failed".
// An unmet MUST (error) or SHOULD (warn) fails; an unmet MAY is printed as a notice and
// does not. Exits 0 only when nothing failed.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit-graphql-http.mjs <url>');
  process.exit(2);
}

let results;
try {
  results = await auditServer({ url });
} catch (error) {
  // a fatal error, e.g. nothing listening at the URL: no audit ran, so there is nothing to count
  console.error(`graphql-http audit could not run against ${url}: ${error.cause?.message ?? error.message}`);
  process.exit(1);
}

let passed = 0;
let failed = 0;
for (const result of results) {
  const reason = result.status === 'ok' ? '' : result.reason;
  console.log(`${result.status}  ${result.id}  ${result.name}  ${reason}`.trimEnd());
  if (result.status === 'error' || result.status === 'warn') {
    failed++;
  } else {
    passed++;
  }
}
console.log(`graphql-http audit: ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
