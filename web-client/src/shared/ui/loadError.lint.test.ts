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
});
