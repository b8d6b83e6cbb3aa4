/**
 * Browser end-to-end test a user would recognise: the packaged VSIX installed into VS Code's server
 * with --install-extension, the workbench opened in headless Chromium, and then, through the UI
 * only (keyboard and mouse): open a Dockerfile, see the squiggle and the Problems count, hover to
 * read the explanation, apply the quick fix from the light bulb (Ctrl+.), and run
 * "Bulkhead: Scan Image…" from the command palette on an image archive picked in the file dialog
 * (a fake `trivy` answers), then read the image findings on the Dockerfile lines in Problems.
 * Screenshots go to test-artifacts/ (01-diagnostics … 06-scan-results).
 *
 * Needs scripts/setup-vscode.sh: without it the test fails under CI and is skipped elsewhere.
 */
import { test } from 'node:test';
import { execFileSync } from 'node:child_process';
import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  artifactsDir,
  cleanScratch,
  copyWorkspace,
  installVsix,
  launchBrowser,
  missingPrerequisites,
  packageVsix,
  repoRoot,
  scratchDir,
  screenshot,
  serverDirs,
  startServer,
  userSettings,
  workbenchUrl,
  type Server,
} from './harness';
import { buildImage, dockerArchive, fakeTool, makeTar, type ImageSpec } from '../image/helpers';

const e2eWorkspace = join(repoRoot, 'test', 'vscode', 'fixtures', 'e2e-workspace');
/** Screenshots shown in the README: test-artifacts name → docs/images name. */
const DOCS_IMAGES: ReadonlyArray<readonly [string, string]> = [
  ['01-diagnostics', 'vscode-diagnostics.png'],
  ['02-hover', 'vscode-hover.png'],
  ['03-quick-fix-menu', 'vscode-quick-fix.png'],
  ['04-fixed', 'vscode-fixed.png'],
  ['06-scan-results', 'vscode-scan-image.png'],
];
/** Generous bound for anything the workbench or the language server does. */
const UI_TIMEOUT = 60_000;

/** The visible text of the active editor, one string per rendered line, top to bottom. */
async function editorLines(page: Page): Promise<string[]> {
  return page.locator('.editor-group-container.active .monaco-editor .view-lines').first().evaluate((el) => {
    // The test project has no DOM typings; this is the little of Element the function uses.
    type Line = { getBoundingClientRect(): { top: number }; textContent: string | null };
    const lines = Array.from(el.querySelectorAll('.view-line') as unknown as ArrayLike<Line>);
    lines.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
    // Monaco renders spaces as non-breaking spaces.
    return lines.map((l) => (l.textContent ?? '').replace(/\u00a0/g, ' '));
  });
}

/** Squiggles of a severity in the active editor, top to bottom. */
function squiggles(page: Page, severity: 'warning' | 'error'): Locator {
  return page.locator(`.editor-group-container.active .monaco-editor .squiggly-${severity}`);
}

/** Waits until `check` returns true (polling the UI, bounded). */
async function until(what: string, check: () => Promise<boolean>, timeoutMs = UI_TIMEOUT): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** True when an element and its ancestors are fully opaque (no fade-in animation running). */
async function fullyOpaque(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    // The test project has no DOM typings; this is the little of the DOM the function uses.
    type Node = { parentElement: Node | null };
    const view = (el as unknown as { ownerDocument: { defaultView: { getComputedStyle(e: Node): { opacity: string } } } }).ownerDocument.defaultView;
    for (let e: Node | null = el as unknown as Node; e; e = e.parentElement) if (parseFloat(view.getComputedStyle(e).opacity) < 1) return false;
    return true;
  });
}

/** How many of the page's frames (webviews included) show an element matching `text`. */
async function framesWithText(page: Page, selector: string, text: RegExp): Promise<number> {
  let n = 0;
  for (const frame of page.frames()) {
    if ((await frame.locator(selector, { hasText: text }).count().catch(() => 0)) > 0) n++;
  }
  return n;
}

/** Runs a command from the command palette (F1), as a user would. */
async function openPalette(page: Page, text: string): Promise<Locator> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await input.fill(`>${text}`);
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: text }).first();
  await row.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  return row;
}

/**
 * An image archive whose history matches the e2e Dockerfile (after its quick fix), and a fake
 * `trivy` that reports one vulnerability in the base layer and one in the `npm ci` layer. The image
 * also carries a .env file from `COPY . .`, which the built-in checks find.
 */
function imageFixture(dir: string): { archive: string; trivy: string } {
  mkdirSync(dir, { recursive: true });
  const spec: ImageSpec = {
    layers: [
      { tar: makeTar([{ name: 'etc/', type: 'directory' }, { name: 'etc/passwd', content: 'root:x:0:0::/root:/bin/sh\nnode:x:1000:1000::/home/node:/bin/sh\n' }]), createdBy: '/bin/sh -c #(nop) ADD file:4a1b2c in / ' },
      { tar: makeTar([{ name: 'app/', type: 'directory' }, { name: 'app/package.json', content: '{"name":"app"}' }]), createdBy: 'COPY package.json package-lock.json ./ # buildkit' },
      { tar: makeTar([{ name: 'app/node_modules/', type: 'directory' }, { name: 'app/node_modules/semver/package.json', content: '{"name":"semver","version":"7.5.1"}' }]), createdBy: 'RUN /bin/sh -c npm ci --omit=dev # buildkit' },
      { tar: makeTar([{ name: 'app/.env', content: 'DB_PASSWORD=not-a-real-password\n' }, { name: 'app/server.js', content: 'console.log(1)\n' }]), createdBy: 'COPY . . # buildkit' },
    ],
    emptyHistory: [
      { before: 1, createdBy: 'WORKDIR /app' },
      { before: 4, createdBy: 'USER node' },
      { before: 4, createdBy: 'CMD ["node", "server.js"]' },
    ],
    config: { config: { User: 'node', WorkingDir: '/app', Cmd: ['node', 'server.js'] } },
  };
  const img = buildImage(spec);
  const archive = join(dir, 'app-image.tar');
  writeFileSync(archive, dockerArchive(img, spec, 'example/app:1.0'));
  const vuln = (id: string, pkg: string, severity: string, installed: string, fixed: string, layer: number): Record<string, unknown> => ({
    VulnerabilityID: id,
    PkgName: pkg,
    InstalledVersion: installed,
    FixedVersion: fixed,
    Severity: severity,
    Title: `${pkg}: example vulnerability`,
    Layer: { DiffID: img.diffIds[layer] },
  });
  const report = {
    SchemaVersion: 2,
    ArtifactName: archive,
    ArtifactType: 'container_image',
    Metadata: { OS: { Family: 'debian', Name: '12.7' }, DiffIDs: img.diffIds },
    Results: [
      { Target: 'app-image.tar (debian 12.7)', Class: 'os-pkgs', Type: 'debian', Vulnerabilities: [vuln('CVE-2024-0001', 'libssl3', 'CRITICAL', '3.0.14-1~deb12u1', '3.0.15-1~deb12u1', 0)] },
      { Target: 'Node.js', Class: 'lang-pkgs', Type: 'node-pkg', Vulnerabilities: [vuln('CVE-2024-0002', 'semver', 'HIGH', '7.5.1', '7.5.2', 2)] },
    ],
  };
  writeFileSync(join(dir, 'trivy.json'), JSON.stringify(report));
  const trivy = fakeTool(dir, 'trivy', `process.stdout.write(require('node:fs').readFileSync(${JSON.stringify(join(dir, 'trivy.json'))}));`);
  return { archive, trivy };
}

test('VSIX in VS Code + Chromium: squiggle, Problems, hover, light-bulb fix, Scan Image from the palette', { timeout: 300_000 }, async (t) => {
  const missing = missingPrerequisites();
  if (missing) {
    if (process.env['CI']) assert.fail(`CI must run the VS Code end-to-end test: ${missing}`);
    t.skip(`VS Code end-to-end test not run: ${missing}`);
    return;
  }
  const scratch = scratchDir('e2e');
  let server: Server | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  try {
    // 1. Package the VSIX and install it the way a user would, into a fresh extensions directory.
    const vsix = packageVsix(scratch);
    const installOutput = installVsix(scratch, vsix);
    assert.match(installOutput, /successfully installed/i, installOutput);
    const installed = readdirSync(serverDirs(scratch).extensions).filter((d) => d.startsWith('bulkhead.bulkhead-'));
    assert.equal(installed.length, 1, `installed extensions: ${readdirSync(serverDirs(scratch).extensions).join(', ')}`);
    // Everything .vscodeignore ships (bundles, schemas, media, README…) is in the installed extension.
    const shipped = execFileSync(process.execPath, [join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], { cwd: repoRoot, encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    assert.ok(shipped.includes('server/out/server.js'), shipped.join(', '));
    // (vsce stores README.md and CHANGELOG.md lower-cased, and a LICENSE without extension as LICENSE.txt.)
    const stored = (f: string): string[] => [f, f.toLowerCase(), ...(f === 'LICENSE' ? ['LICENSE.txt'] : [])];
    const absent = shipped.filter((f) => !stored(f).some((g) => existsSync(join(serverDirs(scratch).extensions, installed[0]!, g))));
    assert.deepEqual(absent, [], 'files .vscodeignore ships but the installed extension lacks');

    // 2. Open the workspace in the workbench.
    const workspace = copyWorkspace(scratch, e2eWorkspace);
    const image = imageFixture(join(scratch, 'image'));
    server = await startServer({
      scratch,
      settings: userSettings('trusted', { 'bulkhead.scanner.default': 'trivy', 'bulkhead.scanner.trivyPath': image.trivy, 'workbench.reduceMotion': 'on', 'editor.minimap.enabled': false, 'editor.fontSize': 15, 'workbench.colorTheme': 'Default Dark Modern', 'chat.commandCenter.enabled': false }),
    });
    browser = await launchBrowser();
    const p = await browser.newPage({ viewport: { width: 1280, height: 760 } });
    page = p;
    // Nothing leaves the machine: every request the workbench makes goes to the local server.
    const outside: string[] = [];
    p.on('request', (r) => {
      const url = new URL(r.url());
      if ((url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:' || url.protocol === 'wss:') && url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') outside.push(r.url());
    });
    await p.goto(workbenchUrl(server, workspace), { timeout: 60_000 });
    await p.locator('.monaco-workbench .part.editor').waitFor({ state: 'visible', timeout: 60_000 });

    // 3. Open the Dockerfile with Quick Open.
    await until('Quick Open to find the Dockerfile', async () => {
      await p.keyboard.press('Control+P');
      const input = p.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: 5000 });
      await input.fill('Dockerfile');
      const row = p.locator('.quick-input-widget .monaco-list-row', { hasText: 'Dockerfile' }).first();
      await row.waitFor({ state: 'visible', timeout: 5000 });
      await p.keyboard.press('Enter');
      await p.locator('.editor-group-container.active .monaco-editor .view-lines', { hasText: 'FROM node:latest' }).waitFor({ timeout: 5000 });
      return true;
    });

    // 4. Squiggles appear, the status bar counts them, the Problems panel lists them.
    await squiggles(p, 'warning').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await until('two warnings (DF001 and DF004)', async () => (await squiggles(p, 'warning').count()) >= 2);
    const problems = p.locator('[id="status.problems"]');
    await until('the status bar to count the warnings', async () => /Warnings: [1-9]/.test((await problems.getAttribute('aria-label')) ?? ''));
    await p.keyboard.press('Control+Shift+M');
    const markers = p.locator('.markers-panel');
    await markers.getByText("Base image 'node:latest' uses the mutable 'latest' tag.").waitFor({ timeout: UI_TIMEOUT });
    await markers.getByText(/ADD copies the local file 'package\.json'/).waitFor({ timeout: UI_TIMEOUT });
    t.diagnostic(`status bar: ${(await problems.getAttribute('aria-label')) ?? ''}`);
    await screenshot(p, '01-diagnostics');

    // 5. Hover the squiggle on line 1 (DF001) and read the explanation.
    const boxes = await Promise.all((await squiggles(p, 'warning').all()).map((s) => s.boundingBox()));
    const first = boxes.filter((b): b is NonNullable<typeof b> => b !== null).sort((a, b) => a.y - b.y)[0];
    assert.ok(first, 'no squiggle on screen');
    await p.mouse.move(first.x + first.width / 2, first.y + first.height / 2 - 4);
    // The problem part of the hover shows first; the rule's explanation arrives from the server.
    const hover = p.locator('.monaco-hover:not(.hidden)', { hasText: 'DF001 · Pin base images' }).first();
    await hover.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    const hoverText = await hover.innerText();
    assert.match(hoverText, /DF001 · Pin base images to a version tag or digest, not latest/);
    assert.match(hoverText, /Here: Base image 'node:latest' uses the mutable 'latest' tag\./);
    assert.match(hoverText, /Why it matters/);
    // Wait out the hover's fade-in so the screenshot shows it opaque.
    await until('the hover to finish fading in', async () => await fullyOpaque(hover));
    await screenshot(p, '02-hover');
    await p.mouse.move(5, 5);
    await p.keyboard.press('Escape');

    // 6. Put the cursor on ADD (line 3), open the light bulb menu with Ctrl+. and apply the fix.
    const before = await editorLines(p);
    assert.equal(before[2], 'ADD package.json package-lock.json ./');
    await p.locator('.editor-group-container.active .monaco-editor .view-lines').click();
    await p.keyboard.press('Control+G');
    await p.keyboard.type('3:2');
    await p.keyboard.press('Enter');
    await p.keyboard.press('Control+.');
    const menu = p.locator('.action-widget');
    const fix = menu.locator('.monaco-list-row', { hasText: 'Replace ADD with COPY' }).first();
    await fix.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await screenshot(p, '03-quick-fix-menu');
    // Pick it with the keyboard (the menu's pointer guard swallows synthetic clicks).
    const focused = menu.locator('.monaco-list-row.focused');
    for (let i = 0; i < 10 && !(await focused.innerText().catch(() => '')).includes('Replace ADD with COPY'); i++) await p.keyboard.press('ArrowDown');
    assert.match(await focused.innerText(), /Replace ADD with COPY/);
    await p.keyboard.press('Enter');
    await until('ADD to become COPY', async () => (await editorLines(p))[2] === 'COPY package.json package-lock.json ./');
    const after = await editorLines(p);
    assert.deepEqual(after.slice(0, 7), [
      'FROM node:latest',
      'WORKDIR /app',
      'COPY package.json package-lock.json ./',
      'RUN npm ci --omit=dev',
      'COPY . .',
      'USER node',
      'CMD ["node", "server.js"]',
    ]);
    // The DF004 problem is gone; DF001 stays.
    await until('the DF004 problem to go away', async () => (await markers.getByText(/ADD copies the local file/).count()) === 0);
    assert.equal(await markers.getByText("Base image 'node:latest' uses the mutable 'latest' tag.").count(), 1);
    await screenshot(p, '04-fixed');

    // 7. Run "Bulkhead: Scan Image…" from the command palette, pick the image archive in the file
    //    dialog, and read the results in the Problems view (fake trivy + the built-in checks).
    const row = await openPalette(p, 'Bulkhead: Scan Image…');
    await screenshot(p, '05-command-palette');
    await row.click();
    const pick = p.locator('.quick-input-widget .monaco-list-row', { hasText: 'Image archive or OCI layout' }).first();
    await pick.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await pick.click();
    // VS Code's own file dialog (a quick input with a path): type the archive's path. The dialog
    // fills in its start folder asynchronously, so wait for its first listing, and re-type the
    // path if the dialog replaced it before "Scan" was pressed.
    const dialog = p.locator('.quick-input-widget', { hasText: 'Image archive (.tar) or OCI layout directory' });
    const pathInput = dialog.locator('input');
    await dialog.locator('.monaco-list-row', { hasText: '..' }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await until('the file dialog to accept the archive', async () => {
      if (!(await dialog.isVisible())) return true;
      await pathInput.fill(image.archive);
      await dialog.locator('.monaco-list-row', { hasText: 'app-image.tar' }).first().waitFor({ state: 'visible', timeout: 10_000 });
      if ((await pathInput.inputValue()) !== image.archive) return false;
      await dialog.locator('.monaco-button', { hasText: 'Scan' }).first().click();
      await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
      return true;
    });
    const done = p.locator('.notifications-toasts .notification-toast', { hasText: /example\/app:1\.0: \d+ findings/ });
    await done.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    const toastText = await done.innerText();
    t.diagnostic(`scan: ${toastText.split('\n').find((l) => l.includes('findings')) ?? toastText}`);
    assert.match(toastText, /\(1 critical, [1-9]\d* high/);
    assert.match(toastText, /; [1-9]\d* on the Dockerfile/);
    // Image findings sit on the Dockerfile lines that caused them: the base image's CVE on FROM
    // (line 1), the npm package's on RUN npm ci (line 4), the .env file on COPY . . (line 5).
    const problemRow = (text: RegExp): Locator => markers.locator('.monaco-list-row', { hasText: text }).first();
    for (const [text, line] of [[/libssl3 → 3\.0\.15/, 1], [/semver → 7\.5\.2/, 4], [/\.env file/, 5]] as const) {
      await problemRow(text).waitFor({ timeout: UI_TIMEOUT });
      assert.match(await problemRow(text).innerText(), new RegExp(`\\[Ln ${line}, Col \\d+\\]`), `${String(text)} should be on line ${line}`);
    }
    await screenshot(p, '06-scan-results');

    // 8. The installed extension's page shows the README and the CHANGELOG (VSIX metadata).
    await p.keyboard.press('Escape');
    const showInstalled = await openPalette(p, 'Extensions: Show Enabled Extensions');
    await showInstalled.click();
    const entry = p.locator('.extensions-viewlet .monaco-list-row', { hasText: 'Bulkhead: secure container authoring' }).first();
    await entry.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await entry.click();
    const details = p.locator('.extension-editor');
    await details.locator('.name', { hasText: 'Bulkhead: secure container authoring' }).first().waitFor({ timeout: UI_TIMEOUT });
    await p.mouse.move(700, 700);
    await p.keyboard.press('Control+J'); // hide the panel: the page gets the whole editor area
    // The README and CHANGELOG are rendered in webviews (iframes inside iframes).
    await until('the README in the extension page', async () => (await framesWithText(p, 'h1', /^Bulkhead$/)) > 0);
    await until('the README text', async () => (await framesWithText(p, 'p', /finds security problems in the files that describe your containers/)) > 0);
    await screenshot(p, '07-extension-readme');
    await details.locator('.navbar .action-label', { hasText: /changelog/i }).first().click();
    await until('the CHANGELOG tab', async () => (await framesWithText(p, 'h1', /^Changelog$/)) > 0 && (await framesWithText(p, 'h2', /0\.1\.0/)) > 0);
    await screenshot(p, '08-extension-changelog');

    assert.deepEqual(outside, [], 'the workbench made requests beyond the local server');

    // BULKHEAD_UPDATE_DOCS_IMAGES=1 refreshes the README's screenshots from this run.
    if (process.env['BULKHEAD_UPDATE_DOCS_IMAGES']) {
      const docs = join(repoRoot, 'docs', 'images');
      mkdirSync(docs, { recursive: true });
      for (const [from, to] of DOCS_IMAGES) copyFileSync(join(artifactsDir, `${from}.png`), join(docs, to));
      t.diagnostic(`updated ${DOCS_IMAGES.length} screenshots in docs/images`);
    }
  } catch (err) {
    if (page) await screenshot(page, 'e2e-failure').catch(() => undefined);
    if (server) t.diagnostic(server.output().slice(-3000));
    throw err;
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    cleanScratch(scratch);
  }
});
