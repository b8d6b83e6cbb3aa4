import rule from '../../../rules/src/dockerfile/add-instead-of-copy';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nCOPY app.py /app/\n',
    { code: 'FROM alpine:3.20\nADD rootfs.tar.gz /\n', name: 'archive' },
    { code: 'FROM alpine:3.20\nADD "file.tgz" /x/\n', name: 'quoted archive' },
    { code: 'FROM alpine:3.20\nADD https://example.com/x.bin /x\n', name: 'URL (add-remote-url judges it)' },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nADD app.py /app/\n', output: 'FROM alpine:3.20\nCOPY app.py /app/\n', errors: [{ messageId: 'add', line: 2, column: 1, endColumn: 4 }] },
    { code: 'FROM alpine:3.20\nadd app.py /app/\n', name: 'lower-case keyword keeps its case', output: 'FROM alpine:3.20\ncopy app.py /app/\n', errors: [{ messageId: 'add', line: 2 }] },
    { code: 'FROM alpine:3.20\nADD --chown=1000:1000 ["a b.txt", "/app/"]\n', name: 'JSON form with --chown', output: 'FROM alpine:3.20\nCOPY --chown=1000:1000 ["a b.txt", "/app/"]\n', errors: [{ messageId: 'add', line: 2, message: "ADD copies the local file 'a b.txt'; use COPY, which does not unpack archives or fetch URLs." }] },
    { code: 'FROM alpine:3.20\nADD file.zip /x/\n', name: 'zip is not auto-extracted', output: 'FROM alpine:3.20\nCOPY file.zip /x/\n', errors: [{ messageId: 'add', line: 2 }] },
    { code: 'FROM alpine:3.20\nADD --keep-git-dir=true src /x/\n', name: 'ADD-only flag: no fix', errors: [{ messageId: 'add', line: 2 }] },
    { code: 'ARG JAR_FILE\nFROM alpine:3.20\nADD ${JAR_FILE} app.jar\n', name: 'variable source: reported without a fix', errors: [{ messageId: 'add', line: 3 }] },
    { code: 'FROM alpine:3.20\nONBUILD ADD . /app\n', name: 'ONBUILD', output: 'FROM alpine:3.20\nONBUILD COPY . /app\n', errors: [{ messageId: 'add', line: 2, column: 9 }] },
  ],
});
