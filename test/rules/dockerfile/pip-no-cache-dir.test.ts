import rule from '../../../rules/src/dockerfile/pip-no-cache-dir';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';

ruleTester(rule, {
  valid: [
    'FROM python:3.12\nRUN pip install --no-cache-dir x==1\n',
    { code: 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install x==1\n', name: 'ENV' },
    { code: 'FROM python:3.12\nRUN export PIP_NO_CACHE_DIR=on && pip install x==1\n', name: 'export in the RUN' },
    { code: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install x==1\n', name: 'cache mount' },
    { code: dedent`
        FROM python:3.12 AS base
        ENV PIP_NO_CACHE_DIR=1
        FROM base
        RUN pip install six==1.16.0
      `, name: 'inherited ENV' },
    { code: 'FROM python:3.12\nRUN pipx install black==24.8.0\n', name: 'pipx' },
  ],
  invalid: [
    { code: 'FROM python:3.12\nRUN pip install x==1\n', output: 'FROM python:3.12\nRUN pip install --no-cache-dir x==1\n', errors: [{ messageId: 'cache', line: 2, column: 5, endColumn: 16 }] },
    { code: 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=false\nRUN pip3 install x==1\n', name: 'falsy ENV', output: 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=false\nRUN pip3 install --no-cache-dir x==1\n', errors: [{ messageId: 'cache', line: 3 }] },
  ],
});
