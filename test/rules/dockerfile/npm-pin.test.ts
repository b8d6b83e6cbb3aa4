import rule from '../../../rules/src/dockerfile/npm-pin';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM node:22\nRUN npm install -g typescript@5.6.3\n',
    { code: 'FROM node:22\nRUN npm install\n', name: 'from package.json' },
    { code: 'FROM node:22\nRUN npm install @myorg/pkg@">=0.1.0 <0.2.0"\n', name: 'scoped with range' },
    { code: 'FROM node:22\nRUN npm install git+https://github.com/npm/cli.git#v1.0.27 ./local ../pkg.tgz\n', name: 'git with ref, paths, tarballs' },
    { code: 'FROM node:22\nRUN npm install --loglevel verbose sax@0.1.1\n', name: 'flag value is not a package' },
  ],
  invalid: [
    { code: 'FROM node:22\nRUN npm install express sax@0.1.1\n', errors: [{ messageId: 'unpinned', line: 2, column: 17, endColumn: 24 }] },
    { code: 'FROM node:22\nRUN npm i -g @myorg/cli git://github.com/npm/cli.git\n', name: 'scoped without version and git without ref', errors: [{ messageId: 'unpinned', line: 2, column: 14 }, { messageId: 'unpinned', line: 2, column: 25 }] },
  ],
});
