import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

/**
 * A throwaway Postgres server for the tests and the benchmark: `initdb` and `pg_ctl` in a temp
 * folder, listening on a free port of 127.0.0.1, gone after `destroy()`. Debian's `postgresql`
 * package provides the programs (`apt-get install postgresql`); PG_BIN names another folder of them.
 *
 * initdb refuses to run as root, so as root the server runs as POSTGRES_TEST_USER (default
 * `postgres`, the user Debian's package creates).
 */
export interface PostgresCluster {
  /** postgres://dossier@127.0.0.1:PORT/postgres — a superuser, trusted on loopback only. */
  adminUrl: string;
  port: number;
  /** A new, empty database, and its URL. */
  createDatabase(): Promise<string>;
  /** `pg_ctl stop -m immediate`: the server dies as in a crash, without a goodbye to its clients. */
  kill(): void;
  /** Starts it again on the same port and folder, with the same data. */
  start(): void;
  destroy(): void;
}

export class PostgresUnavailableError extends Error {
  constructor(reason: string) {
    super(
      `The Postgres tests need a Postgres server and none could be started: ${reason}. Install Debian's postgresql package (apt-get install -y postgresql), set PG_BIN to the folder holding initdb and pg_ctl, or set TEST_DATABASE_URL to a server where the tests may create databases. .ci/run does the first for you.`,
    );
    this.name = "PostgresUnavailableError";
  }
}

const SUPERUSER = "dossier";

/** The folder of initdb and pg_ctl: PG_BIN, else the newest Debian version, else the PATH. */
function findBinaries(): string | undefined {
  if (process.env.PG_BIN !== undefined) return process.env.PG_BIN;
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const newest = readdirSync(debian)
      .filter((version) => existsSync(join(debian, version, "bin", "initdb")))
      .sort((a, b) => Number(b) - Number(a))[0];
    if (newest !== undefined) return join(debian, newest, "bin");
  }
  const which = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" });
  return which.status === 0 ? join(which.stdout.trim(), "..") : undefined;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no TCP port");
  return address.port;
}

/** As root, who runs the server, and a way to run its programs as them. */
function serverUser(): { run: (file: string, args: string[]) => void; chown: (path: string) => void } {
  const quietly = (file: string, args: string[]) => {
    execFileSync(file, args, { stdio: ["ignore", "pipe", "pipe"] });
  };
  if (process.getuid?.() !== 0) return { run: quietly, chown: () => undefined };
  const name = process.env.POSTGRES_TEST_USER ?? "postgres";
  const id = (flag: string) => Number(execFileSync("id", [flag, name], { encoding: "utf8" }).trim());
  let uid: number;
  let gid: number;
  try {
    uid = id("-u");
    gid = id("-g");
  } catch {
    throw new PostgresUnavailableError(
      `running as root, initdb needs another user and "${name}" does not exist (set POSTGRES_TEST_USER)`,
    );
  }
  return {
    run: (file, args) => quietly("runuser", ["-u", name, "--", file, ...args]),
    chown: (path) => chownSync(path, uid, gid),
  };
}

/** A new, empty database on the server `adminUrl` logs in to as a superuser; returns its URL. */
export async function createDatabase(adminUrl: string): Promise<string> {
  const name = `dossier_${randomBytes(8).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = findBinaries();
  if (bin === undefined) throw new PostgresUnavailableError("initdb was not found");
  const user = serverUser();
  const dir = mkdtempSync(join(tmpdir(), "dossier-postgres-"));
  user.chown(dir);
  const data = join(dir, "data");
  const log = join(dir, "server.log");
  const port = await freePort();
  const pgCtl = join(bin, "pg_ctl");
  const fail = (what: string, error: unknown): never => {
    const output = error instanceof Error && "stderr" in error ? String(error.stderr).trim() : String(error);
    const serverLog = existsSync(log)
      ? readFileSync(log, "utf8").trim().split("\n").slice(-5).join(" | ")
      : "";
    rmSync(dir, { recursive: true, force: true });
    throw new PostgresUnavailableError(`${what} failed (${output}${serverLog ? `; ${serverLog}` : ""})`);
  };
  // No fsync: a test server that loses its data in a power cut loses nothing anyone needs.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200`;
  const start = () => user.run(pgCtl, ["-D", data, "-l", log, "-o", options, "-w", "-t", "60", "start"]);
  try {
    user.run(join(bin, "initdb"), [
      "-D",
      data,
      "-U",
      SUPERUSER,
      "--auth=trust",
      "-E",
      "UTF8",
      "--no-locale",
      "--no-sync",
    ]);
  } catch (error) {
    fail("initdb", error);
  }
  try {
    start();
  } catch (error) {
    fail("pg_ctl start", error);
  }

  const adminUrl = `postgres://${SUPERUSER}@127.0.0.1:${port}/postgres`;
  const destroy = () => {
    process.off("exit", destroy);
    try {
      user.run(pgCtl, ["-D", data, "-m", "immediate", "-w", "stop"]);
    } catch {
      // Already stopped (killed by a test): nothing to stop.
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // pg_ctl detaches the server: if this process ends without destroy() (a crash), it goes too.
  process.once("exit", destroy);
  return {
    adminUrl,
    port,
    createDatabase: () => createDatabase(adminUrl),
    kill: () => user.run(pgCtl, ["-D", data, "-m", "immediate", "-w", "stop"]),
    start,
    destroy,
  };
}
