import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, posix, relative } from "node:path";
import { runProcess } from "../cli/run-process.ts";

/**
 * Runs a Dockerfile's instructions as a script, for machines without a container engine: each stage
 * gets a folder standing in for its file system, COPY copies (honouring .dockerignore), RUN runs the
 * command there, ENV, WORKDIR and USER are recorded. Two liberties, both like Docker's own layer
 * cache: the base images are this machine (its Node.js), and `RUN npm ci` takes the checkout's own
 * node_modules, installed from the same package-lock.json by the same command, instead of
 * downloading and compiling everything again. Every other RUN runs as written.
 */

export interface Instruction {
  keyword: string;
  args: string;
}

export interface Stage {
  name: string;
  /** Stands in for the stage's `/`. */
  root: string;
  env: Record<string, string>;
  workdir: string;
  user: string | undefined;
  volumes: string[];
  /** JSON-form CMD and HEALTHCHECK CMD, as argv. */
  cmd: string[] | undefined;
  healthcheck: string[] | undefined;
}

/** Instructions in order, continuation lines joined, comments and parser directives dropped. */
export function parseDockerfile(text: string): Instruction[] {
  const logical = text.replace(/\\\n/g, " ").split("\n");
  return logical
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => {
      const [keyword = "", ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(" ") };
    });
}

export async function runDockerfile(contextDir: string, scratch: string): Promise<Stage[]> {
  const ignored = dockerignore(contextDir);
  const stages: Stage[] = [];
  for (const { keyword, args } of parseDockerfile(readFileSync(join(contextDir, "Dockerfile"), "utf8"))) {
    if (keyword === "FROM") {
      const name = /\bAS\s+(\S+)/i.exec(args)?.[1] ?? `stage-${stages.length}`;
      const root = join(scratch, name);
      mkdirSync(root, { recursive: true });
      stages.push({
        name,
        root,
        env: {},
        workdir: "/",
        user: undefined,
        volumes: [],
        cmd: undefined,
        healthcheck: undefined,
      });
      continue;
    }
    const stage = stages.at(-1);
    if (stage === undefined) throw new Error(`Dockerfile: ${keyword} before FROM`);
    const inStage = (path: string) => join(stage.root, posix.resolve(stage.workdir, path));
    switch (keyword) {
      case "ENV":
        for (const [, name, value] of args.matchAll(/(\w+)=(\S+)/g))
          if (name && value) stage.env[name] = value;
        break;
      case "WORKDIR":
        stage.workdir = posix.resolve(stage.workdir, args);
        mkdirSync(inStage("."), { recursive: true });
        break;
      case "COPY": {
        const words = args.split(/\s+/);
        const from = words.find((word) => word.startsWith("--from="))?.slice("--from=".length);
        const paths = words.filter((word) => !word.startsWith("--"));
        const destination = paths.pop();
        if (destination === undefined || paths.length === 0) throw new Error(`Dockerfile: COPY ${args}`);
        const source = from === undefined ? undefined : stages.find((candidate) => candidate.name === from);
        if (from !== undefined && source === undefined) throw new Error(`Dockerfile: no stage ${from}`);
        for (const path of paths) {
          const sourcePath = source === undefined ? join(contextDir, path) : join(source.root, path);
          const target = inStage(destination);
          // A folder's contents go into the destination; a file goes into it when it names a folder.
          const intoFolder = /(^|\/)\.?$|\/$/.test(destination) || existsSync(target);
          const keep = (file: string) => source !== undefined || !ignored(relative(contextDir, file));
          if (!statSync(sourcePath).isDirectory())
            copyInto(sourcePath, intoFolder ? join(target, posix.basename(path)) : target, keep);
          else if (source === undefined) copyInto(sourcePath, target, keep);
          // Between two stages of this scratch folder, hard links copy without copying.
          else await copyTree(sourcePath, target, "link");
        }
        break;
      }
      case "RUN":
        await run(stage, args, contextDir);
        break;
      case "USER":
        stage.user = args;
        break;
      case "VOLUME":
        stage.volumes.push(...args.split(/\s+/));
        break;
      case "CMD":
        stage.cmd = JSON.parse(args) as string[];
        break;
      case "HEALTHCHECK":
        stage.healthcheck = JSON.parse(args.slice(args.indexOf("CMD") + "CMD".length)) as string[];
        break;
      default:
        // ARG, EXPOSE, LABEL: nothing to do outside a container engine.
        break;
    }
  }
  return stages;
}

/** The environment a stage's process sees, its absolute paths moved into the stage's folder. */
export function stageEnv(stage: Stage): Record<string, string> {
  return Object.fromEntries(
    Object.entries(stage.env).map(([name, value]) => [
      name,
      isAbsolute(value) ? join(stage.root, value) : value,
    ]),
  );
}

export function stageWorkdir(stage: Stage): string {
  return join(stage.root, stage.workdir);
}

async function run(stage: Stage, command: string, contextDir: string): Promise<void> {
  const [first, ...rest] = command.split("&&").map((part) => part.trim());
  if (first?.startsWith("npm ci")) {
    // The layer cache: the same lockfile, already installed by the same command.
    const lockfile = (dir: string) => readFileSync(join(dir, "package-lock.json"), "utf8");
    if (lockfile(stageWorkdir(stage)) !== lockfile(contextDir))
      throw new Error("RUN npm ci: the lockfiles differ");
    await copyTree(realpathSync(join(contextDir, "node_modules")), join(stageWorkdir(stage), "node_modules"));
    if (rest.length === 0) return;
  }
  const script = first?.startsWith("npm ci") ? rest.join(" && ") : command;
  const result = await runProcess("sh", ["-c", script], {
    cwd: stageWorkdir(stage),
    env: { ...process.env, ...stageEnv(stage) },
  });
  if (result.code !== 0) throw new Error(`RUN ${script} failed (${result.code}):\n${result.stderr}`);
}

/**
 * A whole folder, symbolic links kept as they are (cp is several times faster than Node's cpSync).
 * "link" shares the files through hard links: only for folders nothing writes to afterwards.
 */
async function copyTree(source: string, target: string, how: "copy" | "link" = "copy"): Promise<void> {
  mkdirSync(target, { recursive: true });
  const flags = how === "link" ? ["-R", "-l"] : ["-R"];
  const copied = await runProcess("cp", [...flags, `${source}/.`, target], { cwd: source });
  if (copied.code !== 0) throw new Error(`cp ${source} ${target}: ${copied.stderr}`);
}

function copyInto(source: string, target: string, keep: (file: string) => boolean): void {
  if (!statSync(source).isDirectory()) {
    mkdirSync(dirname(target), { recursive: true });
    cpSync(source, target);
    return;
  }
  mkdirSync(target, { recursive: true });
  for (const entry of readdirSync(source)) {
    const path = join(source, entry);
    if (keep(path))
      cpSync(path, join(target, entry), { recursive: true, verbatimSymlinks: true, filter: keep });
  }
}

/** .dockerignore patterns as Docker reads them: relative to the context, `*` within one segment. */
function dockerignore(contextDir: string): (path: string) => boolean {
  const file = join(contextDir, ".dockerignore");
  const patterns = existsSync(file)
    ? readFileSync(file, "utf8")
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line !== "" && !line.startsWith("#"))
    : [];
  const matchers = patterns.map((pattern) => {
    const source = pattern
      .split("/")
      .map((segment) =>
        segment === "**" ? ".*" : segment.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*"),
      )
      .join("/");
    return new RegExp(`^${source}(/.*)?$`);
  });
  return (path) => path !== "" && matchers.some((matcher) => matcher.test(path.split("\\").join("/")));
}
