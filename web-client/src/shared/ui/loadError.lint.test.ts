import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../..', import.meta.url));

/** The app's own source files: no generated code, no tests. */
function sourceFiles(dir: string = SRC): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'gql' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** A watched query or subscription: `const [{ data, error: x }, refetch] = useQuery(`. */
const WATCHED = /const \[\{([^}]*)\}(?:,\s*\w+)?\]\s*=\s*(useQuery|useSubscription)\(/g;
const CALLS = /\b(useQuery|useSubscription)\(/g;
/** The one way out, for an error shown by other means: a comment saying how, right above the call. */
const EXPLAINED = /\/\/ load error: \S.*\n\s*$/;
/**
 * A query fetched by hand (`client.query(...)`, `useClient().query(...)`), not watched: its error
 * comes back in a promise that no hook shows, so it cannot be checked like a watched one. Each must
 * say, in a `// load error:` comment at most a few lines above, how its failure reaches the screen.
 */
const MANUAL = /\.query\(/g;
const EXPLAINED_NEARBY = /\/\/ load error: \S.*\n(?:[^\n]*\n){0,3}[^\n]*$/;

function errorName(destructured: string): string | null {
  for (const entry of destructured.split(',').map((part) => part.trim())) {
    const [key, alias] = entry.split(':').map((part) => part.trim());
    if (key === 'error') return alias ?? 'error';
  }
  return null;
}

/** Every query a screen watches has its failure shown through the shared <LoadError/>, with a clear, translated message. */
function unhandledQueries(file: string, text: string): string[] {
  const problems: string[] = [];
  const watched = [...text.matchAll(WATCHED)];
  const calls = [...text.matchAll(CALLS)].filter((m) => !/import[^;]*$/.test(text.slice(Math.max(0, m.index - 200), m.index)));
  if (calls.length !== watched.length) problems.push(`${file}: a useQuery/useSubscription whose result is not destructured as const [{ ..., error }]`);
  for (const match of watched) {
    const line = text.slice(0, match.index).split('\n').length;
    if (EXPLAINED.test(text.slice(0, match.index))) continue;
    const name = errorName(match[1]);
    if (!name) {
      problems.push(`${file}:${line}: ${match[2]} ignores its error`);
    } else if (!new RegExp(`<LoadError\\b[^>]*\\berror=\\{${name}\\}`).test(text)) {
      problems.push(`${file}:${line}: ${match[2]}'s error "${name}" is never shown with <LoadError error={${name}} />`);
    }
  }
  for (const match of text.matchAll(MANUAL)) {
    if (EXPLAINED_NEARBY.test(text.slice(0, match.index))) continue;
    const line = text.slice(0, match.index).split('\n').length;
    problems.push(`${file}:${line}: a query fetched by hand, with no "// load error:" comment saying how its failure is shown`);
  }
  return problems;
}

describe('every screen says when it could not load', () => {
  it('shows the error of every watched query with the shared <LoadError/>', () => {
    const problems = sourceFiles().flatMap((path) => unhandledQueries(relative(SRC, path), readFileSync(path, 'utf8')));
    expect(problems).toEqual([]);
  });

  it('the check itself catches a screen that ignores its error', () => {
    const ignoring = "const [{ data }] = useQuery({ query: Q });\nreturn <p>{data?.x}</p>;";
    const shown = "const [{ data, error }] = useQuery({ query: Q });\nreturn <LoadError error={error} />;";
    const aliased = "const [{ data: mine, error: mineError }, refetch] = useQuery({ query: Q });\nreturn <LoadError error={mineError} retry={refetch} />;";
    const unnamed = "const result = useQuery({ query: Q });";
    expect(unhandledQueries('a.tsx', ignoring)).toHaveLength(1);
    expect(unhandledQueries('b.tsx', shown)).toEqual([]);
    expect(unhandledQueries('c.tsx', aliased)).toEqual([]);
    expect(unhandledQueries('d.tsx', unnamed)).toHaveLength(1);
  });

  it('the check catches a query fetched by hand whose failure nobody shows', () => {
    const byHand = "const client = useClient();\nuseEffect(() => { void client.query(Q, {}).toPromise().then(({ data }) => setData(data)); }, []);";
    const inline = "const data = await useClient()\n  .query(Q, {})\n  .toPromise();";
    const explained = "// load error: a failed look-up is shown as the outcome\nconst result = await client\n  .query(Q, { code })\n  .toPromise();";
    expect(unhandledQueries('e.tsx', byHand)).toHaveLength(1);
    expect(unhandledQueries('f.tsx', inline)).toHaveLength(1);
    expect(unhandledQueries('g.tsx', explained)).toEqual([]);
  });
});
