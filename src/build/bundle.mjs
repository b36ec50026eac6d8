// `npm run build`: bundles the bot (and the benchmark's processes, and the `dossier` program for a
// checkout-free install such as the container) into dist/ as plain JavaScript, so `npm start` runs
// without the TypeScript loader and its memory. Packages stay external.
// Plain JavaScript itself, so that it runs before anything is built.
//
//   node src/build/bundle.mjs [--if-stale] [--outdir dir]
//
// --if-stale (what `npm start` uses) builds only when a source file differs from the last build's:
// dist/build-inputs.json keeps a hash of every file that went into the bundles, and of this script.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = fileURLToPath(new URL("../../", import.meta.url));
const { values } = parseArgs({
  options: { "if-stale": { type: "boolean" }, outdir: { type: "string", default: "dist" } },
});
const outdir = resolve(root, values.outdir);
const manifestFile = join(outdir, "build-inputs.json");
const entryPoints = ["src/main.ts", "src/cli.ts", "src/bench/discord-bot-process.ts", "src/bench/probe.ts"];
const outputs = ["main.js", "cli.js", "bench/discord-bot-process.js", "bench/probe.js"];
const thisScript = "src/build/bundle.mjs";
const BUILD_ID_PLACEHOLDER = "dossier-build-id-placeholder";

const hashOf = (file) => {
  try {
    return createHash("sha256")
      .update(readFileSync(resolve(root, file)))
      .digest("hex");
  } catch {
    return "missing";
  }
};

function upToDate() {
  try {
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
    const inputs = Object.entries(manifest.inputs ?? {});
    const built = outputs.every((file) => hashOf(join(outdir, file)) === manifest.outputs?.[file]);
    return built && inputs.length > 0 && inputs.every(([file, hash]) => hashOf(file) === hash);
  } catch {
    return false;
  }
}

// Tests and the benchmark may build while another process runs the bundle: each file is written
// beside its target and renamed over it, so a reader sees the old file or the new one, never half.
function writeAtomically(path, contents) {
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, contents);
  renameSync(partial, path);
}

if (!(values["if-stale"] && upToDate())) {
  // Only now: a `npm start` with an up-to-date bundle never loads esbuild.
  const { build } = await import("esbuild");
  const result = await build({
    absWorkingDir: root,
    entryPoints,
    outbase: "src",
    outdir,
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    logLevel: "warning",
    write: false,
    metafile: true,
    // Replaced below by the build's identity, known once the inputs are.
    define: { DOSSIER_BUILD_ID: JSON.stringify(BUILD_ID_PLACEHOLDER) },
  });
  const inputs = Object.fromEntries(
    [...Object.keys(result.metafile.inputs), thisScript].map((file) => [file, hashOf(file)]),
  );
  // The bot keeps its verified knowledge between starts under this identity: code built from other
  // sources reads the knowledge folder again (src/knowledge/knowledge-cache.ts).
  const buildId = createHash("sha256").update(JSON.stringify(inputs)).digest("hex").slice(0, 32);
  for (const file of result.outputFiles)
    writeAtomically(file.path, file.text.replaceAll(BUILD_ID_PLACEHOLDER, buildId));
  const builtOutputs = Object.fromEntries(outputs.map((file) => [file, hashOf(join(outdir, file))]));
  writeAtomically(manifestFile, `${JSON.stringify({ buildId, inputs, outputs: builtOutputs }, null, 1)}\n`);
}
