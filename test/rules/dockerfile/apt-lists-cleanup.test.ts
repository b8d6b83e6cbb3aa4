import rule from '../../../rules/src/dockerfile/apt-lists-cleanup';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
    { code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl\n', name: 'cache mount on the lists' },
    { code: dedent`
        FROM debian:12 AS build
        RUN apt-get update && apt-get install -y gcc
        FROM debian:12
        COPY --from=build /out /out
      `, name: 'build stage only copied from' },
    { code: 'FROM debian:12\nRUN echo apt-get update\n', name: 'argument only' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
      output: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
      errors: [{ messageId: 'lists', line: 2, column: 5, endColumn: 19, message: "'apt-get update' leaves /var/lib/apt/lists in this layer; remove it in the same RUN." }],
    },
    {
      code: dedent`
        FROM debian:12 AS base
        RUN apt-get update && \\
            apt-get install -y curl
        FROM base
        RUN echo ok
      `,
      name: 'stage used as a base',
      output: 'FROM debian:12 AS base\nRUN apt-get update && \\\n    apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nFROM base\nRUN echo ok\n',
      errors: [{ messageId: 'lists', line: 2 }],
    },
    { code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt apt-get update\n', name: 'cache mount on the wrong directory', output: 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt apt-get update && rm -rf /var/lib/apt/lists/*\n', errors: [{ messageId: 'lists', line: 2 }] },
    { code: 'FROM debian:12\nRUN (apt-get update)\n', name: 'ends in a subshell: no fix', errors: [{ messageId: 'lists', line: 2 }] },
  ],
});
