// The browser tests' harness: the workspace's binaries (built by cargo before the tests),
// a registry on a free loopback port with a fresh data directory, the `skillpass` command
// line run against it, and Debian's Chromium driven by playwright-core (never a
// downloaded browser).
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, "..", "..");
const binDir = process.env.SKILLPASS_BIN_DIR || path.join(repo, "target", "debug");
export const bins = { skillpass: path.join(binDir, "skillpass"), registry: path.join(binDir, "skillpass-registry") };

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Chromium from Debian's package; playwright-core gives it a fresh --user-data-dir. */
export async function browser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: CHROMIUM_FLAGS, headless: true });
}

export function scratch() {
  return mkdtempSync(path.join(tmpdir(), "skillpass-web-"));
}

/** A running registry: {url, anchor, data, stop()}. */
export async function registry(dir, extra = []) {
  const data = path.join(dir, "data");
  const child = spawn(bins.registry, ["--listen", "127.0.0.1:0", "--data", data, ...extra], {
    env: { ...process.env, RUST_LOG: "warn" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = [];
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the registry did not start")), 30000);
    child.stdout.setEncoding("utf8");
    let buffered = "";
    child.stdout.on("data", (chunk) => {
      buffered += chunk;
      const parts = buffered.split("\n");
      buffered = parts.pop();
      lines.push(...parts);
      if (lines.some((l) => l.startsWith("listening: ")) && lines.some((l) => l.startsWith("anchor: "))) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on("exit", (code) => reject(new Error(`the registry exited with ${code}`)));
  });
  const url = lines.find((l) => l.startsWith("listening: ")).slice("listening: ".length).trim();
  const anchor = lines.find((l) => l.startsWith("anchor: ")).slice("anchor: ".length).trim();
  return {
    url,
    anchor,
    data,
    stop: () => child.kill("SIGKILL"),
  };
}

/** Runs `skillpass` in `dir` against `url`; answers standard output (throws on failure). */
export function skillpass(dir, url, args, { allowFail = false } = {}) {
  try {
    return execFileSync(bins.skillpass, args, {
      cwd: dir,
      env: { ...process.env, SKILLPASS_REGISTRY: url, SKILLPASS_STATE: path.join(dir, "seen.json"), HOME: dir },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (e) {
    if (allowFail) return e.stdout;
    throw new Error(`skillpass ${args.join(" ")} failed: ${e.stderr}`);
  }
}

export function cleanup(dir) {
  rmSync(dir, { recursive: true, force: true });
}
