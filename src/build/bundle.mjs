// `npm run build`: bundles the bot (and the benchmark's bot process) into dist/ as plain JavaScript,
// so `npm start` runs without the TypeScript loader and its memory. Packages stay external.
// Plain JavaScript itself, so that it runs before anything is built.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("../../", import.meta.url));

const result = await build({
  absWorkingDir: root,
  entryPoints: ["src/main.ts", "src/bench/discord-bot-process.ts"],
  outbase: "src",
  outdir: "dist",
  bundle: true,
  platform: "node",
  format: "esm",
  packages: "external",
  logLevel: "warning",
  write: false,
});

// Tests and the benchmark may build while another process runs the bundle: each file is written
// beside its target and renamed over it, so a reader sees the old file or the new one, never half.
for (const file of result.outputFiles) {
  mkdirSync(dirname(file.path), { recursive: true });
  const partial = `${file.path}.${process.pid}.partial`;
  writeFileSync(partial, file.contents);
  renameSync(partial, file.path);
}
