import rule from '../../../rules/src/dockerfile/pip-pin';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM python:3.12\nRUN pip install requests==2.32.3 "flask>=3"\n',
    { code: 'FROM python:3.12\nRUN pip install -r requirements.txt\n', name: 'requirements file' },
    { code: 'FROM python:3.12\nRUN pip install . ./pkg dist/app-1.0-py3-none-any.whl\n', name: 'local paths' },
    { code: 'FROM python:3.12\nRUN pip install git+https://github.com/x/y.git@v1.2#egg=y\n', name: 'git with ref' },
    { code: 'FROM python:3.12\nRUN pipenv install black\n', name: 'pipenv is not pip' },
  ],
  invalid: [
    { code: 'FROM python:3.12\nRUN pip install --no-cache-dir requests\n', errors: [{ messageId: 'unpinned', line: 2, column: 32, endColumn: 40 }] },
    { code: 'FROM python:3.12\nRUN python3 -m pip install --root-user-action=ignore mypkg\n', name: 'python -m pip', errors: [{ messageId: 'unpinned', line: 2, column: 54 }] },
    { code: 'FROM python:3.12\nRUN pip install git+https://github.com/x/y.git#egg=y\n', name: 'git without ref', errors: [{ messageId: 'unpinned', line: 2 }] },
    { code: 'FROM python:3.12\nRUN pipx install black\n', name: 'pipx', errors: [{ messageId: 'unpinned', line: 2 }] },
  ],
});
