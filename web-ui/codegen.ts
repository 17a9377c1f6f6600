// Types of every operation in src/graphql/*.graphql, generated from the gateway's schema
// (`npm run codegen`; the build runs it first). src/graphql/checks.ts holds the types the screens use to them.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../gateway/src/main/resources/graphql/*.graphqls',
  documents: 'src/graphql/*.graphql',
  generates: {
    'src/graphql/generated.ts': {
      plugins: ['typescript-operations'],
      config: {
        onlyOperationTypes: true,
        enumsAsTypes: true,
        skipTypename: true,
        avoidOptionals: { field: true, inputValue: false, object: true },
        preResolveTypes: true,
        scalars: { ID: 'string' },
      },
    },
  },
};

export default config;
