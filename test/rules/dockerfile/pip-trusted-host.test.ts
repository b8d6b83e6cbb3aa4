import rule from '../../../rules/src/dockerfile/pip-trusted-host';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM python:3.12\nRUN pip install --index-url https://pypi.internal/simple requests==2.32.3\n', { code: 'FROM python:3.12\nENV PIP_INDEX_URL=https://pypi.internal/simple\n', name: 'other pip setting' }],
  invalid: [
    { code: 'FROM python:3.12\nRUN pip install --trusted-host pypi.internal requests==2.32.3\n', output: 'FROM python:3.12\nRUN pip install requests==2.32.3\n', errors: [{ messageId: 'flag', line: 2, column: 17, endColumn: 31, message: 'pip --trusted-host pypi.internal skips TLS verification for that index.' }] },
    { code: 'FROM python:3.12\nRUN python3 -m pip install --trusted-host=pypi.internal x==1\n', name: 'python -m pip, joined value', output: 'FROM python:3.12\nRUN python3 -m pip install x==1\n', errors: [{ messageId: 'flag', line: 2 }] },
    { code: 'FROM python:3.12\nENV PIP_TRUSTED_HOST=pypi.internal\n', name: 'ENV', errors: [{ messageId: 'config', line: 2, column: 5, endColumn: 21 }] },
    { code: 'FROM python:3.12\nRUN pip config set global.trusted-host pypi.internal\n', name: 'pip config', errors: [{ messageId: 'config', line: 2, column: 20 }] },
    { code: 'FROM python:3.12\nRUN PIP_TRUSTED_HOST=x pip install y==1\n', name: 'prefix assignment', errors: [{ messageId: 'config', line: 2, column: 5, endColumn: 21 }] },
  ],
});
