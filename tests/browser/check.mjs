// Loads every page of built sites in headless Chromium, as a reader would, and checks
// what a reader and a screen reader meet:
//   - no console error, no request that fails, no broken image;
//   - every link and anchor between pages leads somewhere;
//   - axe-core finds no WCAG 2.1 A/AA violation;
//   - the site works served from a sub-folder and opened from disk (file://);
//   - the Nu HTML checker finds no error in any page;
//   - a report's PDF link, clicked, downloads a PDF of the note's name and of the size
//     its label says ("Télécharger la note (PDF, 58 ko)").
//
// Usage: node check.mjs SITE_DIR [SITE_DIR…]   (exit status 1 on any problem)

import { createServer } from "node:http";
import { readFile, readdir, stat } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");
const vnuJar = path.join(path.dirname(require.resolve("vnu-jar")), "build", "dist", "vnu.jar");
const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";
const mount = "/e2c/"; // served from a sub-folder, as on a shared host

const types = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".svg": "image/svg+xml", ".png": "image/png", ".csv": "text/csv; charset=utf-8",
  ".xml": "application/xml", ".pdf": "application/pdf",
};

async function files(dir) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await files(full)));
    else found.push(full);
  }
  return found;
}

function serve(root) {
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, "http://localhost");
    let relative = decodeURIComponent(url.pathname);
    if (!relative.startsWith(mount)) { response.writeHead(404); response.end(); return; }
    relative = relative.slice(mount.length);
    if (relative === "" || relative.endsWith("/")) relative += "index.html";
    const file = path.join(root, relative);
    if (!file.startsWith(root)) { response.writeHead(404); response.end(); return; }
    try {
      const body = await readFile(file);
      response.writeHead(200, { "Content-Type": types[path.extname(file)] || "application/octet-stream" });
      response.end(body);
    } catch {
      // As a static host does: the site's own 404 page, with the 404 status.
      const missing = await readFile(path.join(root, "404.html")).catch(() => "");
      response.writeHead(404, { "Content-Type": "text/html; charset=utf-8" });
      response.end(missing);
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/// Whether a link's target exists: asked of the test server, or of the disk for file://.
async function reachable(target) {
  const address = new URL(target.href);
  address.hash = "";
  if (address.protocol === "file:") {
    let file = decodeURIComponent(address.pathname);
    if (file.endsWith("/")) file += "index.html";
    return stat(file).then((info) => info.isFile(), () => false);
  }
  const response = await fetch(address).catch(() => null);
  return response !== null && response.ok;
}

const problems = [];
const problem = (where, what) => problems.push(`${where}: ${what}`);

async function checkPage(page, url, where, { runAxe, followLinks }) {
  const failures = [];
  const onConsole = (message) => { if (message.type() === "error") failures.push(`console error: ${message.text()}`); };
  const onPageError = (error) => failures.push(`script error: ${error.message}`);
  const onFailed = (request) => failures.push(`request failed: ${request.url()}`);
  const onResponse = (response) => { if (response.status() >= 400) failures.push(`${response.status()} for ${response.url()}`); };
  page.on("console", onConsole);
  page.on("pageerror", onPageError);
  page.on("requestfailed", onFailed);
  page.on("response", onResponse);
  await page.goto(url, { waitUntil: "load" });

  const broken = await page.evaluate(() =>
    [...document.images].filter((img) => !img.complete || img.naturalWidth === 0).map((img) => img.src));
  for (const src of broken) failures.push(`broken image ${src}`);

  // Links and anchors: every internal target must exist.
  const links = followLinks ? await page.evaluate(() => [...document.querySelectorAll("a[href]")].map((a) => a.href)) : [];
  for (const href of links) {
    const target = new URL(href);
    if (!["http:", "file:"].includes(target.protocol)) continue;
    if (target.protocol === "http:" && target.host !== new URL(url).host) continue;
    const sameDocument = target.href.split("#")[0] === url.split("#")[0];
    if (!sameDocument && !(await reachable(target))) failures.push(`link to nothing: ${href}`);
    if (target.hash.length > 1 && sameDocument) {
      const id = decodeURIComponent(target.hash.slice(1));
      const exists = await page.evaluate((name) => document.getElementById(name) !== null, id);
      if (!exists) failures.push(`anchor to nothing: ${href}`);
    }
  }

  // A report's PDF: clicked as a reader would, it must download a PDF, named after the
  // note, of the size the link says.
  const pdfLinks = followLinks && url.startsWith("http:")
    ? await page.evaluate(() => [...document.querySelectorAll('a[type="application/pdf"]')].map((a) => ({ href: a.href, label: a.textContent })))
    : [];
  for (const { href, label } of pdfLinks) {
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 20000 }),
      page.click(`a[href="${href.split("/").pop()}"]`),
    ]);
    const name = download.suggestedFilename();
    const saved = await download.path();
    const bytes = saved ? await readFile(saved) : Buffer.alloc(0);
    if (!name.endsWith(".pdf") || !href.endsWith(`/${name}`)) failures.push(`the PDF link downloads "${name}", not the note's name`);
    if (bytes.subarray(0, 5).toString("latin1") !== "%PDF-") failures.push(`the PDF link ${href} does not download a PDF`);
    const size = label.match(/([\d\s\u202f\u00a0]+)\s*(ko|KB)\)/);
    const kilobytes = size ? Number(size[1].replace(/\D/g, "")) : NaN;
    if (kilobytes !== Math.ceil(bytes.length / 1024)) failures.push(`the PDF link says "${label}", the file is ${bytes.length} bytes`);
  }

  if (runAxe) {
    await page.addScriptTag({ path: axePath });
    const result = await page.evaluate(async () =>
      await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } }));
    for (const violation of result.violations) {
      for (const node of violation.nodes) failures.push(`axe ${violation.id}: ${violation.help} at ${node.target.join(" ")}`);
    }
  }
  page.off("console", onConsole);
  page.off("pageerror", onPageError);
  page.off("requestfailed", onFailed);
  page.off("response", onResponse);
  for (const failure of failures) problem(where, failure);
}

const sites = process.argv.slice(2).map((dir) => path.resolve(dir));
if (sites.length === 0) {
  console.error("usage: node check.mjs SITE_DIR [SITE_DIR…]");
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--allow-file-access-from-files"],
});
let pages = 0;
const allHtml = [];
try {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  for (const site of sites) {
    const server = await serve(site);
    const port = server.address().port;
    const html = (await files(site)).filter((file) => file.endsWith(".html"));
    allHtml.push(...html);
    for (const file of html) {
      const relative = path.relative(site, file).split(path.sep).join("/");
      if (relative === "404.html") {
        // Served at any address: check it where a reader meets it, at a missing page.
        // Its links start from the host's root unless the site knows its address, so only
        // what the page itself holds is checked here.
        await checkPage(page, `http://127.0.0.1:${port}${mount}no/such/page/`, `${path.basename(site)}/404.html (as a 404)`,
          { runAxe: true, followLinks: false });
        continue;
      }
      await checkPage(page, `http://127.0.0.1:${port}${mount}${relative}`, `${path.basename(site)}/${relative}`,
        { runAxe: true, followLinks: true });
      await checkPage(page, pathToFileURL(file).href, `${path.basename(site)}/${relative} (file://)`,
        { runAxe: false, followLinks: true });
      pages += 1;
    }
    server.close();
  }
} finally {
  await browser.close();
}

// The 404 page, fetched at a missing address, answers 404 from this test server: only the
// page's own problems count there, not that status.
for (let i = problems.length - 1; i >= 0; i--) {
  const status404 = problems[i].includes("404 for") || problems[i].includes("status of 404");
  if (problems[i].includes("(as a 404)") && status404) problems.splice(i, 1);
}

// The Nu HTML checker, on every page at once.
try {
  execFileSync("java", ["-jar", vnuJar, "--errors-only", "--format", "text", ...allHtml], { stdio: "pipe" });
} catch (error) {
  const output = `${error.stdout || ""}${error.stderr || ""}`.trim();
  for (const line of output.split("\n").filter(Boolean)) problem("vnu", line);
}

for (const line of problems) console.log(line);
console.log(`${pages} pages checked in Chromium (served from ${mount} and from disk), ${allHtml.length} by the Nu HTML checker: ${problems.length} problems`);
process.exit(problems.length === 0 ? 0 : 1);
