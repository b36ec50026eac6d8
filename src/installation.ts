import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/**
 * Where Dossier is installed, which release it is and which Node.js it needs. Found from this file,
 * never from the working directory, so that a service manager may start it from anywhere. The
 * sources (src/) and the bundles (dist/, dist/bench/) sit at different depths, so the folder is
 * found by walking up to Dossier's package.json.
 */

const packageSchema = z.object({
  name: z.string(),
  version: z.string(),
  engines: z.object({ node: z.string() }),
});

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (existsSync(file) && existsSync(join(dir, "knowledge"))) return dir;
    if (dirname(dir) === dir) throw new Error(`No Dossier package.json above ${from}`);
  }
}

/** The folder holding package.json, knowledge/ and (by default) .env and data/. */
export const PROJECT_ROOT = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

const manifest = packageSchema.parse(JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")));

export const DOSSIER_VERSION = manifest.version;

/** package.json's `engines.node`, e.g. ">=20.19": the oldest release the dependencies support. */
export function oldestSupportedNode(): string {
  const match = /^>=\s*(\d+(?:\.\d+){0,2})$/.exec(manifest.engines.node.trim());
  if (match?.[1] === undefined) throw new Error(`Unexpected engines.node "${manifest.engines.node}"`);
  return match[1];
}

/** A sentence when this Node.js is older than Dossier supports; undefined when it will do. */
export function nodeVersionProblem(running: string = process.versions.node): string | undefined {
  const needed = oldestSupportedNode();
  if (compareVersions(running, needed) >= 0) return undefined;
  return `Dossier needs Node.js ${needed} or later and this is ${running}: install a current LTS release (https://nodejs.org), then run npm ci again.`;
}

function compareVersions(a: string, b: string): number {
  const parts = (version: string) => version.split(".").map((part) => Number.parseInt(part, 10) || 0);
  const [left, right] = [parts(a), parts(b)];
  for (let index = 0; index < 3; index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
