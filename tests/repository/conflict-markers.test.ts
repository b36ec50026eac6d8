import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url).pathname;
/** A merge left unresolved: the three marker lines git writes, each at the start of a line. */
const MARKER = /^(<{7} |={7}$|>{7} )/m;
const TEXT = /\.(md|ts|mjs|js|json|ya?ml|txt|sh|grit)$|^\.ci\/|Dockerfile$/;

describe("the repository", () => {
  it("holds no half-merged file: every conflict was resolved before it was committed", () => {
    const files = execFileSync("git", ["ls-files"], { cwd: root, encoding: "utf8" })
      .split("\n")
      .filter((file) => TEXT.test(file));
    expect(files.length).toBeGreaterThan(100);
    const halfMerged = files.filter((file) => MARKER.test(readFileSync(`${root}${file}`, "utf8")));
    expect(halfMerged).toEqual([]);
  });
});
