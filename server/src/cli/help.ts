/** Help texts of the CLI and its subcommands. */

export const MAIN_HELP = `Usage: bulkhead <command> [options]

Security linter for Dockerfiles, Kubernetes manifests and Docker Compose files.

Commands:
  lint [paths...]     Lint files and directories (default: the current directory)
  rules               Print the rule catalog (--format json|markdown)
  image <ref>         Scan a container image (see 'bulkhead image --help')
  help [command]      Show help for a command

Options:
  -h, --help          Show help
  -v, --version       Print the version

Exit codes: 0 nothing at or above the --fail-on threshold, 1 findings at or above it,
2 usage error or unreadable input.
`;

export const LINT_HELP = `Usage: bulkhead lint [options] [paths...]

Lints Dockerfiles, Kubernetes manifests and Compose files. Directories are walked recursively
(node_modules and .git are skipped); only Dockerfiles (by name) and YAML/JSON files that turn
out to be Kubernetes or Compose are linted. Files named on the command line are always read.

Options:
  -f, --format <text|json|sarif>       Output format (default: text)
      --fail-on <error|warning|info|none>
                                       Exit 1 when a finding or problem has at least this
                                       severity (default: error, or for a Dockerfile the
                                       failure-threshold of its .hadolint.yaml); 'none'
                                       never fails
      --disable <ids>                  Turn rules off (ids, names or globs, comma-separated;
                                       repeatable), e.g. --disable DF001,K8S0*
      --enable <ids>                   Turn on rules that are off by default
      --severity <id>=<severity>       Override a rule's severity (error|warning|info|hint|off;
                                       repeatable or comma-separated), e.g. --severity DF001=error
      --ignore <glob>                  Skip paths matching the glob while walking directories
                                       (repeatable), e.g. --ignore 'test/**' --ignore '*.json'
  -o, --output <file>                  Write the report to a file instead of standard output
      --no-config                      Do not read .bulkhead.yaml / .hadolint.yaml files
  -j, --jobs <n|auto>                  Lint in n worker threads (default 1; auto = one per CPU);
                                       the output is identical, only faster on many files
  -h, --help                           Show this help

Configuration: for each file the nearest .bulkhead.yaml (or .bulkhead.yml) upward from it is
used, with the nearest .hadolint.yaml beneath it; command-line flags take precedence, inline
'# bulkhead-ignore' comments are applied last. Problems in a config file are reported as
errors on that file.

Exit codes: 0 nothing at or above the threshold, 1 something at or above it,
2 usage error or an input that cannot be read.
`;

export const RULES_HELP = `Usage: bulkhead rules [--format json|markdown]

Prints every rule: id, name, target, category, default severity, fix kind, title, docs URL and
the equivalent ids in other tools (anchors).

Options:
  -f, --format <json|markdown>   Output format (default: markdown)
  -h, --help                     Show this help
`;
