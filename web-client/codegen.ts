import type { CodegenConfig } from '@graphql-codegen/cli';

// Types for every operation written with graphql(`...`) beside the screens in src/.
// The schema in ../schema is the contract with the server; src/gql/ is generated and git-ignored.
const config: CodegenConfig = {
  schema: '../schema/*.graphqls',
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
          JSON: 'unknown',
        },
      },
    },
  },
};

export default config;
