// `npm run lint` runs this: it refuses an import cycle between folders.
//
//   node src/build/check-folder-cycles.mjs [project folder]
//
// Each folder directly under src/ (src/bot, src/search, …) is one node, and so is commands/; a file
// directly in src/ is a node of its own. An import from one node to another is an edge, type-only
// imports and dynamic import() included, since both say that one folder needs the other. Two folders
// that need each other cannot be read, tested or moved apart: a helper both need belongs below both.
// Each cycle is printed as one line that names the import closing it; the exit code is then 1.
// Plain JavaScript, no dependency, so that it runs before anything is built.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const SOURCE = /\.(?:ts|mts|js|mjs)$/;
/** `import … from "x"`, `export … from "x"`, `import "x"` and `import("x")`, with the line they start on. */
const IMPORT =
  /(?:^|[\s;])(?:import|export)\s(?:[^;"'`]*?\sfrom\s*)?["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g;

/** Source files under `folder`, as paths relative to `root` with forward slashes. */
function sourceFiles(root, folder) {
  const found = [];
  const visit = (path) => {
    for (const name of readdirSync(path)) {
      const child = join(path, name);
      if (statSync(child).isDirectory()) visit(child);
      else if (SOURCE.test(name)) found.push(relative(root, child).split(sep).join("/"));
    }
  };
  try {
    visit(join(root, folder));
  } catch (error) {
    if (error?.code !== "ENOENT") throw error;
  }
  return found;
}

/** The node a file belongs to: `src/<first part>` for src/, `commands` for commands/. */
function nodeOf(file) {
  const parts = file.split("/");
  if (parts[0] === "src") return `src/${parts[1]}`;
  return parts[0];
}

function lineAt(text, index) {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Every relative import of every file, as edges between nodes, each with its first import as example. */
export function folderGraph(root) {
  const edges = new Map();
  for (const file of [...sourceFiles(root, "src"), ...sourceFiles(root, "commands")]) {
    const from = nodeOf(file);
    const text = readFileSync(join(root, file), "utf8");
    for (const match of text.matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2];
      if (!specifier?.startsWith(".")) continue;
      const target = relative(root, resolve(root, dirname(file), specifier))
        .split(sep)
        .join("/");
      if (!target.startsWith("src/") && !target.startsWith("commands/")) continue;
      const to = nodeOf(target);
      if (to === from) continue;
      const targets = edges.get(from) ?? new Map();
      edges.set(from, targets);
      if (!targets.has(to)) {
        targets.set(to, { file, specifier, line: lineAt(text, match.index) });
      }
    }
  }
  return edges;
}

/** Strongly connected components of two or more nodes (Tarjan), each sorted, in a stable order. */
function tangledGroups(edges) {
  const nodes = [...new Set([...edges.keys(), ...[...edges.values()].flatMap((t) => [...t.keys()])])].sort();
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const groups = [];
  let counter = 0;
  const connect = (node) => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of [...(edges.get(node)?.keys() ?? [])].sort()) {
      if (!index.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node), index.get(next)));
      }
    }
    if (low.get(node) === index.get(node)) {
      const group = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const node of nodes) if (!index.has(node)) connect(node);
  return groups.sort((a, b) => a[0].localeCompare(b[0]));
}

/** One cycle through a group's first node, found breadth first, so it is a shortest one. */
function cycleIn(group, edges) {
  const members = new Set(group);
  const start = group[0];
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift();
    for (const next of [...(edges.get(node)?.keys() ?? [])].sort()) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [node];
        for (let at = previous.get(node); at !== null; at = previous.get(at)) path.unshift(at);
        return path;
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start];
}

/** One sentence per cycle between folders; empty when there is none. */
export function folderCycles(root) {
  const edges = folderGraph(root);
  return tangledGroups(edges).map((group) => {
    const path = cycleIn(group, edges);
    const last = path[path.length - 1];
    const closing = edges.get(last).get(path[0]);
    const others =
      group.length > path.length
        ? ` (tangled with ${group.filter((n) => !path.includes(n)).join(", ")})`
        : "";
    return (
      `Import cycle between folders: ${[...path, path[0]].join(" → ")}${others}; ` +
      `closed by ${closing.file}:${closing.line} importing "${closing.specifier}".`
    );
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? fileURLToPath(new URL("../../", import.meta.url)));
  const cycles = folderCycles(root);
  for (const sentence of cycles) console.error(sentence);
  process.exitCode = cycles.length > 0 ? 1 : 0;
}
