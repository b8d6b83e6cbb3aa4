import rule from '../../../rules/src/dockerfile/shell-via-run';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN ln -sf /bin/true /sbin/initctl\n',
    { code: 'FROM debian:12\nRUN ln -s foo bar && something_with /bin/sh\n', name: '/bin/sh only as an argument elsewhere' },
    { code: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN echo hi\n', name: 'SHELL' },
    { code: 'FROM debian:12\nRUN bash ./build.sh\n', name: 'a shell running a script' },
    { code: 'FROM debian:12\nRUN bash -c "echo hi"\n', name: 'a shell running a command' },
    { code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN powershell -command Get-ChildItem\n', name: 'powershell running a command' },
    { code: 'FROM debian:12\nRUN curl -fsSL https://example.com/x.sh | bash\n', name: 'a shell reading a pipe' },
    { code: 'FROM debian:12\nRUN sh -s < /tmp/script\n', name: 'a shell reading a redirect' },
    { code: 'FROM debian:12\nRUN bash <<EOF\necho hi\nEOF\n', name: 'a shell reading a heredoc' },
    { code: 'FROM debian:12\nRUN bash --version\n', name: 'printing the version' },
    { code: 'FROM debian:12\nRUN bash && echo done\n', name: 'not the only command' },
  ],
  invalid: [
    { code: 'FROM debian:12\nRUN ln -sfv /bin/bash /bin/sh\n', errors: [{ messageId: 'ln', line: 2, column: 5, endColumn: 30 }] },
    { code: 'FROM alpine:3.20\nRUN powershell -command\n', name: 'bare powershell', errors: [{ messageId: 'bareShell', line: 2, column: 5, endColumn: 24, message: 'This RUN only starts powershell, which exits at once; it does not change the shell later RUN instructions use.' }] },
    { code: 'FROM debian:12\nRUN bash\n', name: 'bare bash', errors: [{ messageId: 'bareShell', line: 2 }] },
    { code: 'FROM debian:12\nRUN ["/bin/bash", "-l"]\n', name: 'exec form', errors: [{ messageId: 'bareShell', line: 2 }] },
    { code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN cmd /S /C\n', name: 'cmd with switches', errors: [{ messageId: 'bareShell', line: 2 }] },
    { code: 'FROM debian:12\nONBUILD RUN zsh\n', name: 'ONBUILD', errors: [{ messageId: 'bareShell', line: 2 }] },
  ],
});
