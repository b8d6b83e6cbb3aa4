import rule from '../../../rules/src/dockerfile/curl-pipe-shell';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN curl -fsSL https://example.com/x.tgz | tar -xz -C /opt\n',
    { code: 'FROM debian:12\nRUN curl -fsSLo /tmp/i.sh https://example.com/i.sh && sh /tmp/i.sh\n', name: 'download then run (not piped)' },
    { code: 'FROM debian:12\nRUN echo "curl x | sh"\n', name: 'text inside a string' },
    { code: 'FROM debian:12\nRUN sh -c "$(cat /tmp/local.sh)"\n', name: 'substitution of a local file' },
  ],
  invalid: [
    { code: 'FROM debian:12\nRUN curl -fsSL https://example.com/install.sh | sh\n', errors: [{ messageId: 'pipe', line: 2, column: 5, endColumn: 51 }] },
    { code: 'FROM debian:12\nRUN wget -qO- https://example.com/i.sh | sudo bash -s -- --yes\n', name: 'wget into sudo bash', errors: [{ messageId: 'pipe', line: 2, message: "'wget' output is executed by 'bash' without any integrity check." }] },
    { code: 'FROM debian:12\nRUN set -eux; \\\n    curl -fsSL https://x/i.sh \\\n    | python3 -\n', name: 'across continuation lines', errors: [{ messageId: 'pipe', line: 3, column: 5, endLine: 4, endColumn: 16 }] },
    { code: 'FROM debian:12\nRUN sh -c "$(curl -fsSL https://example.com/i.sh)"\n', name: 'command substitution', errors: [{ messageId: 'pipe', line: 2, column: 5 }] },
    { code: 'FROM debian:12\nRUN bash <(curl -fsSL https://example.com/i.sh)\n', name: 'process substitution', errors: [{ messageId: 'pipe', line: 2 }] },
  ],
});
