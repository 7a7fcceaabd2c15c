/**
 * Browser test harness
 * ====================
 *
 * Builds the production app once (Vite JS API, into a temp directory so
 * parallel runs never clobber `dist/`), serves it with `vite preview` on a
 * free port — with the strict Content-Security-Policy from vite.config.ts —
 * and drives it in a real headless Chromium with software WebGL
 * (@sparticuz/chromium + playwright-core). Set CHROMIUM_PATH to use another
 * Chromium binary, e.g. /usr/bin/chromium.
 */

import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import chromiumPackage from '@sparticuz/chromium';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Saves a screenshot of what the test sees. Into docs/ (the README's
 * pictures) only with NEWSGRAPH_SCREENSHOTS=1, so `npm test` leaves the work
 * tree clean; otherwise into a temporary folder, still taken every run.
 */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const dir = process.env.NEWSGRAPH_SCREENSHOTS === '1' ? join(ROOT, 'docs') : join(tmpdir(), 'newsgraph-screenshots');
  await mkdir(dir, { recursive: true });
  const path = join(dir, name);
  await page.screenshot({ path });
  return path;
}

/** Flags that give a stock Chromium WebGL 2 without a GPU (SwiftShader). */
const SOFTWARE_WEBGL_ARGS = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist', '--no-sandbox'];

export interface AppPage {
  page: Page;
  /** Response headers of the HTML page as served. */
  headers: Record<string, string>;
  /** Page errors, console errors and CSP violations (Chromium logs those as console errors) seen so far. */
  problems: string[];
  /** Console warnings, kept apart: Chromium logs harmless WebGL performance notes as warnings. */
  warnings: string[];
}

export interface AppHarness {
  url: string;
  openPage(viewport?: { width: number; height: number }): Promise<AppPage>;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Browser> {
  const override = process.env.CHROMIUM_PATH;
  if (override) return chromium.launch({ executablePath: override, args: SOFTWARE_WEBGL_ARGS, headless: true });
  const executablePath = await chromiumPackage.executablePath();
  return chromium.launch({ executablePath, args: chromiumPackage.args, headless: true });
}

export async function startApp(): Promise<AppHarness> {
  const outDir = await mkdtemp(join(tmpdir(), 'newsgraph-build-'));
  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  try {
    await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    server = await preview({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0, open: false },
    });
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('harness.ts: vite preview started but reported no local URL');
    browser = await launchChromium();
    // @sparticuz/chromium runs --single-process, where closing a browser
    // context (or the last page) ends the whole browser: all pages share one
    // context, and an idle blank page keeps it alive between test pages.
    const context = await browser.newContext();
    await context.newPage();
    const openedBrowser = browser;
    const openedServer = server;
    return {
      url,
      async openPage(viewport = { width: 1440, height: 900 }) {
        const page = await context.newPage();
        await page.setViewportSize(viewport);
        const problems: string[] = [];
        const warnings: string[] = [];
        page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
        page.on('console', (message) => {
          if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
          else if (message.type() === 'warning') warnings.push(message.text());
        });
        const response = await page.goto(url);
        if (!response) throw new Error(`harness.ts: no response loading ${url}`);
        await page.waitForSelector('[data-testid="graph-canvas"][data-ready="true"]', { timeout: 60_000 });
        return { page, headers: response.headers(), problems, warnings };
      },
      async close() {
        await openedBrowser.close();
        await new Promise<void>((resolve, reject) => openedServer.httpServer.close((error) => (error ? reject(error) : resolve())));
        await rm(outDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser?.close();
    if (server) server.httpServer.close();
    await rm(outDir, { recursive: true, force: true });
    throw error;
  }
}

/** Resolves once sigma has drawn at least one more frame than `after`. */
export async function waitForRender(page: Page, after: number): Promise<void> {
  await page.waitForFunction((count) => (window.__newsgraph?.renders() ?? 0) > count, after, { timeout: 30_000 });
}

export async function renderCount(page: Page): Promise<number> {
  return page.evaluate(() => window.__newsgraph?.renders() ?? 0);
}

const AXE_SOURCE_PATH = join(ROOT, 'node_modules/axe-core/axe.min.js');
let axeSource: Promise<string> | undefined;

interface AxeNode {
  target: unknown[];
  html?: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/** One violation as lines a reader can act on: rule, impact, what it asks, and each element with axe's own summary. */
function describeViolation(violation: AxeViolation): string {
  const nodes = violation.nodes.map((node) => {
    const summary = (node.failureSummary ?? '').replace(/\s*\n\s*/g, ' ').trim();
    // axe's selector can be as short as "a": the element's opening tag says which one it is.
    const tag = (node.html ?? '').replace(/\s+/g, ' ').slice(0, 160);
    return `    ${node.target.map(String).join(' >>> ')}${tag ? `  ${tag}` : ''}${summary ? `\n      ${summary}` : ''}`;
  });
  return [`  ${violation.id} (${violation.impact ?? 'no impact given'}): ${violation.help}`, ...nodes].join('\n');
}

/**
 * Runs axe-core on the whole document as it is now and fails, naming every
 * violation (rule id, impact, target selectors, axe's summary), when there
 * is any. `context` says which view was checked. axe is evaluated through the
 * DevTools protocol rather than with page.addScriptTag: the app's strict
 * Content-Security-Policy (script-src 'self') refuses an inline <script>, and
 * that refusal would itself be a console error.
 */
export async function expectNoAxeViolations(page: Page, context: string): Promise<void> {
  axeSource ??= readFile(AXE_SOURCE_PATH, 'utf8');
  const source = await axeSource;
  const loaded = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html ?? '', failureSummary: n.failureSummary ?? '' })),
    }));
  });
  if (violations.length === 0) return;
  const count = violations.reduce((sum, violation) => sum + violation.nodes.length, 0);
  throw new Error(`axe: ${violations.length} rule(s) violated on ${count} element(s) in "${context}":\n${violations.map(describeViolation).join('\n')}`);
}
