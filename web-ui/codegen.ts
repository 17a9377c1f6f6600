// Types of every operation and fragment in src/graphql/*.graphql, generated from the gateway's schema
// (`npm run codegen`; the build runs it first). Every graphqlRequest is typed with them; src/graphql/types.ts holds
// the shapes the screens read the answers as, so tsc checks that each answer fits.
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
