import rule from '../../../rules/src/dockerfile/dnf-pin';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';

ruleTester(rule, {
  valid: [
    'FROM fedora:40\nRUN dnf install -y gcc-c++-14.2.1\n',
    { code: dedent`
        FROM fedora:40 AS base
        ENV version=2.51.0-2.fc42
        FROM base
        RUN dnf -y install git-core-\${version}
      `, name: 'version from inherited ENV' },
  ],
  invalid: [
    { code: 'FROM fedora:40\nRUN dnf install -y rpm-sign\n', errors: [{ messageId: 'unpinned', line: 2, column: 20, endColumn: 28 }] },
    { code: dedent`
        FROM fedora:40 AS base
        ENV version=2.51.0-2.fc42
        FROM fedora:40
        RUN dnf -y install git-core-\${version}
      `, name: 'ENV of an unrelated stage is not in scope', errors: [{ messageId: 'unpinned', line: 4 }] },
  ],
});
