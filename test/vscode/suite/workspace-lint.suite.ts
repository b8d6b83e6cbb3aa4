/**
 * "Bulkhead: Lint Workspace" on a copy of ../shared/corpus/real-world (334 Dockerfiles and
 * manifests; run-server.ts copies it into the workspace as real-world/ before the workbench opens):
 * the run shows its progress in a notification, ends within a generous bound, and leaves in the
 * Problems panel, file by file, what `bulkhead lint` reports for the same files; a second run
 * cancelled from its notification stops early with every file's problems intact; files rewritten
 * during a run end current; the problems follow the files as they change, are replaced, appear and
 * disappear on disk; "Clear Workspace Problems" removes them and stops following.
 *
 * Documented differences with the CLI (left out of the comparison): Dockerfile syntax diagnostics
 * (source dockerfile-utils), manifest schema diagnostics (bulkhead-schema) and unused-suppression
 * hints exist only in the editor.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { bulkheadDiagnostics, codeOf, waitForCode, waitForDiagnostics, waitForNoCode } from './util';
import {
  type Keys,
  cliKeys,
  corpusPath,
  cpuMs,
  differences,
  editorKeys,
  notificationLog,
  waitForDiagnosticsState,
  waitForNotifications,
  withTimeout,
} from './workspace-lint-util';

const LINT = 'bulkhead.lintWorkspace';
const CLEAR = 'bulkhead.clearWorkspaceProblems';
/** Files in ../shared/corpus/real-world. */
const CORPUS_FILES = 334;
/** Generous bound on one Lint Workspace of the corpus (about 3 s on an idle 2-core machine). */
const LINT_BOUND_MS = 120_000;
/** After a cancelled run or a clear, how long nothing may be published for the corpus. */
const QUIET_MS = 1_500;
const PROGRESS = /^Bulkhead: linting workspace: (\d+) of (\d+) files$/;

function progressOf(texts: readonly { text: string }[]): { done: number; total: number }[] {
  return texts.flatMap(({ text }) => {
    const m = PROGRESS.exec(text);
    return m ? [{ done: Number(m[1]), total: Number(m[2]) }] : [];
  });
}

/**
 * Records the corpus files whose diagnostics change until none has changed for `quietMs`
 * (bounded by `maxMs`); resolves with them. A run that goes on publishing never gets quiet.
 */
function untilQuiet(dir: string, quietMs: number, maxMs = 60_000): Promise<Set<string>> {
  const seen = new Set<string>();
  return new Promise((resolve, reject) => {
    let quiet = setTimeout(done, quietMs);
    const limit = setTimeout(() => {
      cleanup();
      reject(new Error(`diagnostics kept changing for ${maxMs} ms (${seen.size} corpus files)`));
    }, maxMs);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      let ours = false;
      for (const u of e.uris) {
        const rel = corpusPath(dir, u);
        if (rel === undefined) continue;
        seen.add(rel);
        ours = true;
      }
      if (!ours) return;
      clearTimeout(quiet);
      quiet = setTimeout(done, quietMs);
    });
    function cleanup(): void {
      clearTimeout(quiet);
      clearTimeout(limit);
      sub.dispose();
    }
    function done(): void {
      cleanup();
      resolve(seen);
    }
  });
}

function log(line: string): void {
  console.log(`[workspace-lint] ${line}`);
}

describe('workspace lint (real-world corpus)', function () {
  this.timeout(180_000);
  const dir = process.env['BULKHEAD_REAL_WORLD'] ?? '';
  const notifications = notificationLog() ?? '';
  let expected: Keys = new Map();
  let cpuBefore: ReturnType<typeof cpuMs>;
  let wallBefore = 0;
  /** Files written by the tests, with their original text (restored at the end). */
  const originals = new Map<string, string>();

  function rewrite(path: string, text: string): void {
    if (!originals.has(path)) originals.set(path, readFileSync(path, 'utf8'));
    writeFileSync(path, text);
  }

  const state = (): string => {
    const diff = differences(editorKeys(dir).keys, expected);
    return `${diff.length} files differ from the CLI:\n${diff.slice(0, 15).join('\n')}`;
  };

  before(async function () {
    if (!dir) {
      const missing = process.env['BULKHEAD_REAL_WORLD_MISSING'] ?? 'the real-world corpus (the runner did not copy it)';
      if (process.env['CI']) assert.fail(`CI must run the workspace-lint tests, but ${missing} is missing`);
      log(`skipped: ${missing} is missing`);
      this.skip();
    }
    assert.ok(notifications, 'the runner records no notifications (BULKHEAD_SUITE_NOTIFICATIONS)');
    cpuBefore = cpuMs();
    wallBefore = Date.now();
    const cli = await cliKeys(dir);
    expected = cli.keys;
    assert.equal(cli.filesRead, CORPUS_FILES, 'the corpus copy should hold 334 files');
    assert.ok(expected.size > 200, `the CLI reported problems in only ${expected.size} files`);
    // No leftovers of other suites: the notification the tests cancel must be the newest one.
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  after(async () => {
    if (!dir) return;
    await vscode.commands.executeCommand(CLEAR);
    for (const [path, text] of originals) writeFileSync(path, text);
    rmSync(join(dir, 'added'), { recursive: true, force: true });
    const cpu = cpuMs();
    if (cpu && cpuBefore) log(`suite: ${((Date.now() - wallBefore) / 1000).toFixed(1)} s wall; CPU ${cpu.extensionHost - cpuBefore.extensionHost} ms extension host + CLI, ${cpu.children - cpuBefore.children} ms language server`);
  });

  it('lints every file with progress; the Problems match the CLI file by file', async () => {
    const started = Date.now();
    await withTimeout(vscode.commands.executeCommand(LINT), LINT_BOUND_MS, 'Lint Workspace');
    const seconds = (Date.now() - started) / 1000;
    log(`Lint Workspace of the corpus: ${seconds.toFixed(1)} s`);
    // Diagnostics of the last files may still be converting in the client when the command ends.
    await waitForDiagnosticsState(() => (differences(editorKeys(dir).keys, expected).length === 0 ? true : undefined), state, 'the Problems to match the CLI');
    const { keys, editorOnly } = editorKeys(dir);
    assert.equal(keys.size, expected.size);
    log(`${keys.size} files with problems, as in the CLI; ${editorOnly} editor-only diagnostics left out`);

    // The notification showed the count going up while the run was under way.
    const shown = await waitForNotifications(notifications, started, (s) => progressOf(s).some((p) => p.done < p.total), 'a "Bulkhead: linting workspace: N of M files" notification');
    const steps = progressOf(shown);
    const total = steps[0]!.total;
    assert.ok(total >= CORPUS_FILES, `the progress counts ${total} files, fewer than the corpus alone`);
    assert.ok(steps.every((p) => p.total === total && p.done <= total), JSON.stringify(steps));
    assert.ok(new Set(steps.map((p) => p.done)).size >= 2, `the progress moved only once: ${JSON.stringify(steps)}`);
    assert.ok(steps.every((p, i) => i === 0 || p.done >= steps[i - 1]!.done), `the progress went backwards: ${JSON.stringify(steps)}`);
  });

  it('a second run, cancelled from its notification, stops early and leaves every file as it was', async () => {
    await vscode.commands.executeCommand('notifications.clearAll');
    const started = Date.now();
    const republished = new Set<string>();
    let cancelledAt = 0;
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      for (const u of e.uris) {
        const rel = corpusPath(dir, u);
        if (rel !== undefined) republished.add(rel);
      }
      // As soon as the run re-publishes its first file: the user presses Cancel on the notification.
      if (cancelledAt === 0 && republished.size > 0) {
        cancelledAt = Date.now();
        void vscode.commands.executeCommand('notification.acceptPrimaryAction');
      }
    });
    try {
      await withTimeout(vscode.commands.executeCommand(LINT), LINT_BOUND_MS, 'the second Lint Workspace');
    } finally {
      sub.dispose();
    }
    assert.ok(cancelledAt > 0, 'the second run re-published nothing, so it was not cancelled mid-way');
    const endedMs = Date.now() - cancelledAt;
    // It stopped: once the publishes already on their way are applied, nothing more arrives (a
    // run that went on would re-publish all the files within seconds).
    for (const f of await untilQuiet(dir, QUIET_MS)) republished.add(f);
    log(`second run: cancelled at its first file, the command ended ${endedMs} ms later; ${republished.size} of ${expected.size} files re-published in all`);
    // A run that is not cancelled re-publishes every file with problems.
    assert.ok(republished.size < expected.size, `the cancelled run re-published all ${expected.size} files`);
    // No half state: every file still has exactly the CLI's problems.
    assert.deepEqual(differences(editorKeys(dir).keys, expected), []);
    const shown = await waitForNotifications(notifications, started, (s) => s.some((n) => n.text.startsWith('Bulkhead: linting workspace')), 'the second run\'s notification');
    const steps = progressOf(shown);
    assert.ok(steps.every((p) => p.done < p.total), `the cancelled run's notification reached the end: ${JSON.stringify(steps)}`);
  });

  it('files rewritten on disk while a run is under way end with their new problems', async () => {
    // Every Dockerfile of the corpus is rewritten as soon as the run publishes its first file
    // (a checkout during the lint): some are read before the write, some after, some in between.
    const dockerfiles = readdirSync(join(dir, 'dockerfiles')).sort().map((f) => join(dir, 'dockerfiles', f));
    const image = (i: number): string => `img${i}:latest`;
    let writtenAt = 0;
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (writtenAt !== 0 || !e.uris.some((u) => corpusPath(dir, u) !== undefined)) return;
      writtenAt = Date.now();
      dockerfiles.forEach((f, i) => rewrite(f, `FROM ${image(i)}\nUSER 10001\n`));
    });
    try {
      await withTimeout(vscode.commands.executeCommand(LINT), LINT_BOUND_MS, 'Lint Workspace');
    } finally {
      sub.dispose();
    }
    assert.ok(writtenAt > 0, 'the run published nothing');
    const stale = (): string[] =>
      dockerfiles.filter((f, i) => !bulkheadDiagnostics(vscode.Uri.file(f)).some((d) => codeOf(d) === 'DF001' && d.message.includes(`'${image(i)}'`))).map((f) => corpusPath(dir, vscode.Uri.file(f)) ?? f);
    await waitForDiagnosticsState(() => (stale().length === 0 ? true : undefined), () => `${stale().length} Dockerfiles show the problems of their old text: ${stale().slice(0, 5).join(', ')}`, 'every rewritten Dockerfile to show its new problems');
    log(`${dockerfiles.length} Dockerfiles rewritten during a run: all current ${Date.now() - writtenAt} ms after the writes`);
    // And they stay so (no lint of an older read lands afterwards).
    await untilQuiet(dir, QUIET_MS);
    assert.deepEqual(stale(), []);
  });

  it('stays current as files change, are replaced, appear and disappear on disk', async () => {
    const dockerfiles = readdirSync(join(dir, 'dockerfiles')).sort();
    const df = join(dir, 'dockerfiles', dockerfiles[0]!);
    const dfUri = vscode.Uri.file(df);
    const latencies: number[] = [];
    const timed = async <T>(p: Promise<T>, started: number): Promise<T> => {
      const v = await p;
      latencies.push(Date.now() - started);
      return v;
    };
    // Changed in place, several times in a row (an editor or git writing the file).
    // BULKHEAD_WORKSPACE_LINT_CYCLES raises the count to hunt for flakes.
    const cycles = Number(process.env['BULKHEAD_WORKSPACE_LINT_CYCLES'] ?? '3');
    for (let i = 0; i < cycles; i++) {
      let t = Date.now();
      rewrite(df, `FROM alpine:latest\nUSER 10001\nRUN echo ${i}\n`);
      const message = "Base image 'alpine:latest' uses the mutable 'latest' tag.";
      const ds = await timed(waitForDiagnostics(dfUri, (x) => x.some((d) => codeOf(d) === 'DF001' && d.message === message), 'DF001 on alpine:latest'), t);
      assert.equal(ds.filter((d) => codeOf(d) === 'DF001').length, 1);
      t = Date.now();
      rewrite(df, `FROM alpine:3.20\nUSER 10001\nRUN echo ${i}\n`);
      await timed(waitForNoCode(dfUri, 'DF001'), t);
    }
    // Replaced: written beside it, then renamed over it (how many editors save).
    let t = Date.now();
    const tmp = join(dir, 'dockerfiles', '.bulkhead-save.tmp');
    writeFileSync(tmp, 'FROM busybox:latest\nUSER 10001\n');
    renameSync(tmp, df);
    await timed(waitForDiagnostics(dfUri, (ds) => ds.some((d) => codeOf(d) === 'DF001' && d.message.includes("'busybox:latest'")), 'DF001 on busybox:latest'), t);

    // A manifest: the privileged flag switched on and off.
    const manifest = join(dir, 'kubernetes', readdirSync(join(dir, 'kubernetes')).sort()[0]!);
    const manifestUri = vscode.Uri.file(manifest);
    const pod = (privileged: boolean): string =>
      ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '    - name: app', '      image: nginx:1.27', '      securityContext:', `        privileged: ${privileged}`, ''].join('\n');
    t = Date.now();
    rewrite(manifest, pod(true));
    const k = await timed(waitForCode(manifestUri, 'K8S001'), t);
    assert.equal(k.range.start.line, 9);
    t = Date.now();
    rewrite(manifest, pod(false));
    await timed(waitForNoCode(manifestUri, 'K8S001'), t);

    // A new folder with a Dockerfile in it is linted; deleting it clears its problems.
    const added = join(dir, 'added', 'Dockerfile');
    const addedUri = vscode.Uri.file(added);
    t = Date.now();
    mkdirSync(join(dir, 'added'), { recursive: true });
    writeFileSync(added, 'FROM node:latest\nUSER node\n');
    await timed(waitForCode(addedUri, 'DF001'), t);
    t = Date.now();
    unlinkSync(added);
    await timed(waitForDiagnostics(addedUri, (ds) => ds.length === 0, 'the deleted file to lose its problems'), t);
    // A folder deleted with a followed file in it (VS Code may report only the folder).
    const nested = join(dir, 'added', 'deep', 'Dockerfile');
    mkdirSync(join(dir, 'added', 'deep'), { recursive: true });
    writeFileSync(nested, 'FROM node:latest\nUSER node\n');
    await waitForCode(vscode.Uri.file(nested), 'DF001');
    t = Date.now();
    rmSync(join(dir, 'added'), { recursive: true });
    await timed(waitForDiagnostics(vscode.Uri.file(nested), (ds) => ds.length === 0, 'the deleted folder\'s file to lose its problems'), t);

    // New files in a followed folder: a Dockerfile is linted, a text file is not (as in the first run).
    const named = join(dir, 'dockerfiles', 'added_Dockerfile');
    const text = join(dir, 'dockerfiles', 'notes.txt');
    t = Date.now();
    writeFileSync(text, pod(true));
    writeFileSync(named, 'FROM node:latest\nUSER node\n');
    await timed(waitForCode(vscode.Uri.file(named), 'DF001'), t);
    await untilQuiet(dir, QUIET_MS);
    assert.deepEqual(vscode.languages.getDiagnostics(vscode.Uri.file(text)).map(codeOf), [], 'a new text file was linted');
    unlinkSync(named);
    unlinkSync(text);

    // A corpus file with problems is deleted: its problems go.
    const victim = [...expected.keys()].find((f) => f.startsWith('kubernetes/') && !manifest.endsWith(f));
    assert.ok(victim);
    const victimPath = join(dir, ...victim.split('/'));
    const victimUri = vscode.Uri.file(victimPath);
    assert.ok(bulkheadDiagnostics(victimUri).length > 0 || vscode.languages.getDiagnostics(victimUri).length > 0, `${victim} has no problems to lose`);
    originals.set(victimPath, readFileSync(victimPath, 'utf8'));
    t = Date.now();
    unlinkSync(victimPath);
    await timed(waitForDiagnosticsState(() => (vscode.languages.getDiagnostics(victimUri).length === 0 ? true : undefined), () => `${victim} still has problems`, 'the deleted file to lose its problems'), t);
    log(`disk change → Problems, ms: ${latencies.join(', ')}`);
  });



  it('"Clear Workspace Problems" removes every problem and stops following the files', async () => {
    await vscode.commands.executeCommand(CLEAR);
    const left = (): string[] => vscode.languages.getDiagnostics().filter(([u, ds]) => corpusPath(dir, u) !== undefined && ds.length > 0).map(([u]) => u.fsPath);
    await waitForDiagnosticsState(() => (left().length === 0 ? true : undefined), () => `${left().length} files still have problems: ${left().slice(0, 5).join(', ')}`, 'every corpus problem to be cleared');
    // Followed no more: a change on disk and a new file stay without problems.
    const df = join(dir, 'dockerfiles', readdirSync(join(dir, 'dockerfiles')).sort()[1]!);
    rewrite(df, 'FROM alpine:latest\n');
    mkdirSync(join(dir, 'added'), { recursive: true });
    writeFileSync(join(dir, 'added', 'Dockerfile'), 'FROM node:latest\n');
    const late = await untilQuiet(dir, QUIET_MS);
    assert.deepEqual(left(), [], `files linted after the clear: ${[...late].join(', ')}`);
  });
});
