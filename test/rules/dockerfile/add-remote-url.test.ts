import rule from '../../../rules/src/dockerfile/add-remote-url';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/x.tgz /x/\n',
    { code: 'FROM alpine:3.20\nADD local.tgz /x/\n', name: 'local file' },
    { code: 'FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#v0.14.1 /src\n', name: 'git source pinned by ref' },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nADD https://example.com/big.tar.xz /usr/src/\n', errors: [{ messageId: 'url', line: 2, column: 5, endColumn: 35 }] },
    { code: 'FROM alpine:3.20\nADD ["http://example.com/a", "/a"]\n', name: 'JSON form', errors: [{ messageId: 'url', line: 2, message: "ADD downloads 'http://example.com/a' without --checksum, so the content is not verified." }] },
  ],
});
