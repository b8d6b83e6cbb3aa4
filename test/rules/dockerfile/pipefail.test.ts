import rule from '../../../rules/src/dockerfile/pipefail';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\n',
    { code: 'FROM debian:12\nRUN a && b\n', name: 'no pipe' },
    { code: 'FROM debian:12\nRUN set -euxo pipefail; a | b\n', name: 'set -o pipefail first (bash)' },
    { code: 'FROM mcr.microsoft.com/powershell:7.4-ubuntu-22.04\nSHELL ["pwsh", "-c"]\nRUN Get-Item x | Select-Object y\n', name: 'non-POSIX shell' },
    { code: 'FROM debian:12\nRUN ["sh", "-c", "a"]\n', name: 'exec form without pipe' },
  ],
  invalid: [
    { code: 'FROM debian:12\nRUN wget -O - https://x | wc -l > /n\n', errors: [{ messageId: 'pipe', line: 2, column: 5, endColumn: 32 }], suggestions: ['FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN wget -O - https://x | wc -l > /n\n'] },
    { code: 'FROM debian:12\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN a | b\n', name: 'sh has no pipefail', errors: [{ messageId: 'pipe', line: 3 }], suggestions: ['FROM debian:12\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\n'] },
    { code: dedent`
        FROM debian:12 AS a
        SHELL ["/bin/bash", "-o", "pipefail", "-c"]
        FROM debian:12
        RUN a | b
      `, name: 'SHELL of another stage does not apply', errors: [{ messageId: 'pipe', line: 4 }] },
    { code: 'FROM debian:12\nRUN a | b; set -o pipefail\n', name: 'set after the pipe', errors: [{ messageId: 'pipe', line: 2 }] },
  ],
});
