import rule from '../../../rules/src/dockerfile/chmod-world-writable';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nRUN chmod 755 /app\n',
    { code: 'FROM alpine:3.20\nRUN chmod 1777 /scratch\n', name: 'sticky bit' },
    { code: 'FROM alpine:3.20\nRUN chmod u+w,g+w /app\n', name: 'user and group only' },
    { code: 'FROM alpine:3.20\nRUN chmod -R 775 /app\n', name: 'group writable' },
    { code: 'FROM alpine:3.20\nCOPY --chmod=755 app /app\n', name: 'COPY --chmod 755' },
    { code: 'FROM alpine:3.20\nRUN echo chmod 777 /x\n', name: 'argument only' },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nRUN chmod 777 /app\n', errors: [{ messageId: 'writable', line: 2, column: 11, endColumn: 14 }] },
    { code: 'FROM alpine:3.20\nRUN chmod -R a+w /srv\n', name: 'symbolic a+w', errors: [{ messageId: 'writable', line: 2, column: 14, endColumn: 17 }] },
    { code: 'FROM alpine:3.20\nRUN chmod 0666 /etc/app.conf && mkdir -m 777 /data\n', name: 'octal with leading zero and mkdir -m', errors: [{ messageId: 'writable', line: 2, column: 11 }, { messageId: 'writable', line: 2, column: 42 }] },
    { code: 'FROM alpine:3.20\nCOPY --chmod=777 app /app\n', name: 'COPY --chmod', errors: [{ messageId: 'writable', line: 2, column: 14, endColumn: 17 }] },
    { code: 'FROM alpine:3.20\nRUN chmod o=rwx /x\n', name: 'o=rwx', errors: [{ messageId: 'writable', line: 2, message: "'chmod o=rwx' makes files writable by every user in the container." }] },
  ],
});
