import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { load as parse } from "js-yaml";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { startScript } from "../../src/bench/run-process.ts";
import { PROJECT_ROOT, runProcess } from "../cli/run-process.ts";
import { BOT_TOKEN } from "../e2e/bot-harness.ts";
import { type FakeDiscord, startFakeDiscord } from "../fake-discord/index.ts";
import { tempDir } from "../store/fixtures/temp-dir.ts";
import { parseDockerfile, runDockerfile, stageEnv, stageWorkdir } from "./dockerfile-script.ts";

const BUILD_TIMEOUT_MS = 5 * 60_000;

describe("the ways the README and the Dockerfile run the bot", () => {
  it("run it as npm start does: the same Node flags and allocator setting", () => {
    const { env, flags } = startScript();
    expect(flags).toContain("--max-semi-space-size=2");
    expect(env).toEqual({ MALLOC_MMAP_THRESHOLD_: "131072" });
    const dockerfile = parseDockerfile(readFileSync(join(PROJECT_ROOT, "Dockerfile"), "utf8"));
    const cmd = dockerfile.filter((instruction) => instruction.keyword === "CMD").at(-1);
    expect(JSON.parse(cmd?.args ?? "[]")).toEqual(["node", ...flags, "dist/main.js"]);
    const readme = readFileSync(join(PROJECT_ROOT, "README.md"), "utf8");
    expect(readme).toContain(`ExecStart=/usr/bin/node ${flags.join(" ")} dist/main.js`);
    for (const [name, value] of Object.entries(env)) {
      expect(readme).toContain(`Environment=${name}=${value}`);
      expect(dockerfile).toContainEqual({ keyword: "ENV", args: `${name}=${value}` });
    }
  });
});

describe("the Dockerfile, run as a script", () => {
  let scratch: ReturnType<typeof tempDir> | undefined;
  let fake: FakeDiscord | undefined;
  let running: ChildProcess | undefined;
  afterEach(async () => {
    // A failed expectation leaves the bot running: it would outlive the tests (and skew whatever
    // runs next on the machine).
    if (running && running.exitCode === null && running.signalCode === null) {
      const exited = once(running, "exit");
      running.kill("SIGKILL");
      await exited;
    }
    await fake?.close();
    scratch?.remove();
  });

  it(
    "builds an image that runs as a non-root user, passes its health check and stops cleanly",
    async () => {
      scratch = tempDir("dockerfile");
      const stages = await runDockerfile(PROJECT_ROOT, scratch.path);
      const image = stages.at(-1);
      if (image === undefined || image.cmd === undefined || image.healthcheck === undefined)
        throw new Error("The Dockerfile's last stage has no CMD or HEALTHCHECK");
      const app = stageWorkdir(image);

      expect(stages.map((stage) => stage.name)).toEqual(["build", "stage-1"]);
      expect(image.user).toBe("node");
      expect(image.volumes).toEqual([image.env.DATA_DIR]);
      // The bundle, production dependencies and the knowledge; no sources, no compiler-side tools.
      expect(readdirSync(app).sort()).toEqual(["dist", "knowledge", "node_modules", "package.json"]);
      expect(existsSync(join(app, "node_modules", "vitest"))).toBe(false);
      expect(existsSync(join(app, "node_modules", "better-sqlite3"))).toBe(true);

      // `docker run -e …`: the settings come from the environment; node is the image's own.
      const discord = await startFakeDiscord({ token: BOT_TOKEN });
      fake = discord;
      const env: Record<string, string> = {
        PATH: process.env.PATH ?? "",
        ...stageEnv(image),
        DISCORD_TOKEN: BOT_TOKEN,
        DISCORD_CLIENT_ID: discord.applicationId,
        DISCORD_API_URL: discord.apiBase,
        METRICS_PORT: String(await unusedPort()),
      };
      const node = (argv: string[]) => argv.map((word) => (word === "node" ? process.execPath : word));
      const [command = "", ...args] = node(image.cmd);
      const bot = spawn(command, args, { cwd: app, env, stdio: ["ignore", "ignore", "pipe"] });
      running = bot;
      const exited = once(bot, "exit");
      let stderr = "";
      const online = new Promise<void>((resolve) => {
        createInterface({ input: bot.stderr }).on("line", (line) => {
          stderr += `${line}\n`;
          if (line.includes('"msg":"Dossier is online"')) resolve();
        });
      });
      await Promise.race([
        online,
        exited.then(() => Promise.reject(new Error(`The bot exited:\n${stderr}`))),
      ]);

      const [checkCommand = "", ...checkArgs] = node(image.healthcheck);
      expect(await runProcess(checkCommand, checkArgs, { cwd: app, env })).toMatchObject({ code: 0 });

      // The operations sub-commands run in the image too (docker compose exec dossier node dist/cli.js …).
      const backup = await runProcess(process.execPath, ["dist/cli.js", "backup"], { cwd: app, env });
      expect(backup).toMatchObject({ code: 0, stderr: "" });
      expect(readdirSync(join(env.DATA_DIR ?? "", "backups"))).toHaveLength(1);

      bot.kill("SIGTERM");
      const [code] = await exited;
      expect(code).toBe(0);
      expect(stderr).toContain('"msg":"Dossier is offline"');
    },
    BUILD_TIMEOUT_MS,
  );

  it("agrees with compose.yaml on the data volume and the metrics port", () => {
    const instructions = parseDockerfile(readFileSync(join(PROJECT_ROOT, "Dockerfile"), "utf8"));
    const env = instructions
      .filter((i) => i.keyword === "ENV")
      .map((i) => i.args)
      .join(" ");
    const compose = z
      .object({
        services: z.object({
          dossier: z.object({
            environment: z.record(z.string(), z.string()),
            volumes: z.array(z.string()),
            ports: z.array(z.string()),
          }),
        }),
      })
      .parse(parse(readFileSync(join(PROJECT_ROOT, "compose.yaml"), "utf8")));
    const service = compose.services.dossier;
    expect(env).toContain(`DATA_DIR=${service.environment.DATA_DIR}`);
    expect(env).toContain(`METRICS_PORT=${service.environment.METRICS_PORT}`);
    expect(service.volumes).toEqual([`dossier-data:${service.environment.DATA_DIR}`]);
    expect(service.ports).toEqual([
      `127.0.0.1:${service.environment.METRICS_PORT}:${service.environment.METRICS_PORT}`,
    ]);
  });
});

describe("docker build", () => {
  it(
    "builds the image where a Docker engine runs",
    async (context) => {
      const engine = spawnSync("docker", ["info"], { stdio: "ignore", timeout: 30_000 });
      if (engine.error !== undefined || engine.status !== 0) {
        const note =
          "No Docker engine on this machine: `docker build` not run. The test above runs the Dockerfile's steps as a script.";
        // Printed as well as attached to the skip, so that it shows whatever the reporter.
        console.warn(note);
        context.skip(note);
        return;
      }
      const build = await runProcess("docker", ["build", "--tag", "dossier:test", "."], {
        cwd: PROJECT_ROOT,
      });
      expect(build.code, build.stderr).toBe(0);
      const version = await runProcess(
        "docker",
        ["run", "--rm", "dossier:test", "node", "dist/cli.js", "--version"],
        {
          cwd: PROJECT_ROOT,
        },
      );
      expect(version.stdout).toMatch(/^dossier \d+\.\d+\.\d+/);
    },
    15 * 60_000,
  );
});

/** A free port for METRICS_PORT, as `docker run -e` would pass one. */
async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}
