import { existsSync, readFileSync } from 'node:fs';
import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * A module's schema that the server does not serve yet is kept as `<module>.graphqls.draft`; the
 * screens written against it are typed from the draft (given as SDL text: the file's ending is not
 * one codegen loads) until the final file takes its place.
 */
const drafts = ['gamification'].filter(
  (module) => existsSync(`../schema/${module}.graphqls.draft`) && !existsSync(`../schema/${module}.graphqls`),
).map((module) => readFileSync(`../schema/${module}.graphqls.draft`, 'utf8'));

// Types for every operation written with graphql(`...`) beside the screens in src/.
// The schema in ../schema is the contract with the server; src/gql/ is generated and git-ignored.
const config: CodegenConfig = {
  schema: ['../schema/*.graphqls', ...drafts],
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: {
          DateTime: 'string',
          Month: 'string',
          GeoJSON: '{ type: string; [key: string]: unknown }',
        },
      },
    },
  },
};

export default config;
