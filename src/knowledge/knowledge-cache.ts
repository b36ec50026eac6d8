import { createHash } from "node:crypto";
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative } from "node:path";
import { deserialize, serialize } from "node:v8";
import type { Corpus } from "./corpus.ts";
import { loadCorpus } from "./load-corpus.ts";
import { readWordVectors, VECTORS_FILE } from "./word-vectors.ts";

/**
 * A corpus as loaded and verified, kept in one file between starts. Parsing the curated YAML,
 * validating it and checking every citation took 60% of loading the knowledge, the same work on
 * the same bytes at every restart. The file is keyed by every byte of the knowledge folder's text
 * files, its word vectors' size and time of change, and the code that read them (`codeVersion`, the
 * build's identity): an edited knowledge file or an upgrade reads the folder again, checks and all.
 * What the code works out from the corpus alone is kept with it (see CachedLoad.keep).
 */
export interface KnowledgeCache {
  file: string;
  codeVersion: string;
}

interface KnowledgeKey {
  key: string;
  /** Each file's size and time of last change, to tell an edit while it is loaded (see knowledgeStamp). */
  stamp: string;
}

/** The knowledge folder's files, in a fixed order. */
function knowledgeFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Each file's size and time of last change, to the nanosecond. */
function knowledgeStamp(files: ReadonlyArray<string>): string {
  return files
    .map((file) => {
      const { size, mtimeNs } = statSync(file, { bigint: true });
      return `${file} ${size} ${mtimeNs}`;
    })
    .join("\n");
}

/**
 * The knowledge folder's key: every byte of its text files, and the word vectors' size and time of
 * change, hashed with the code version. The vectors are 5.6 MB that only `npm run vectors:derive`
 * writes: read for the key as well as for the corpus, they raised a first start's peak memory by 11 MB.
 */
function knowledgeKey(dir: string, codeVersion: string): KnowledgeKey {
  // SHA-1 is for telling files apart here, not for security.
  const hash = createHash("sha1").update(`${codeVersion}\n`);
  const files = knowledgeFiles(dir);
  const stamp = knowledgeStamp(files);
  for (const file of files) {
    const name = relative(dir, file);
    if (name === VECTORS_FILE) hash.update(`${name}\n${knowledgeStamp([file])}\n`);
    else {
      const bytes = readFileSync(file);
      hash.update(`${name}\n${bytes.length}\n`).update(bytes);
    }
  }
  return { key: hash.digest("hex"), stamp };
}

/**
 * The corpus's data without its word vectors, which are read from their own file, and what was
 * worked out from the corpus alone (`derive`).
 */
interface CachedKnowledge<Derived> {
  data: Omit<Corpus, "wordVectors">;
  derived: Derived | undefined;
}

function readCacheFile<Derived>(file: string, key: string): CachedKnowledge<Derived> | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const header = `${key}\n`;
  if (bytes.toString("latin1", 0, header.length) !== header) return undefined;
  try {
    return deserialize(bytes.subarray(header.length)) as CachedKnowledge<Derived>;
  } catch {
    // Cut short by a crash or a full disk: loaded again, and written again.
    return undefined;
  }
}

/** Written beside its place and renamed over it: a reader sees the old file or the new one, never half. */
function writeCacheFile<Derived>(
  file: string,
  key: string,
  corpus: Corpus,
  derived: Derived | undefined,
): string | undefined {
  const { wordVectors: _vectors, ...data } = corpus;
  const kept: CachedKnowledge<Derived> = { data, derived };
  const partial = `${file}.${process.pid}.partial`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    // The header and the data apart: joined, the file was copied once more in memory at start-up.
    writeFileSync(partial, `${key}\n`, "latin1");
    appendFileSync(partial, serialize(kept));
    renameSync(partial, file);
    return undefined;
  } catch (error) {
    try {
      rmSync(partial, { force: true });
    } catch {
      // Nothing was written where nothing can be.
    }
    return (error as Error).message;
  }
}

/** A corpus as loaded, from the cache file or from the folder. */
export interface CachedLoad<Derived> {
  corpus: Corpus;
  /** What was kept with it (`keep`) when it was read from the cache file. */
  derived: Derived | undefined;
  /** Whether it was read from the cache file. */
  read: boolean;
  /**
   * After the folder was read: writes the corpus for the next start, with what the caller worked
   * out from it alone (plain data), if anything; why it could not, if it could not. After a read,
   * there is nothing to write.
   */
  keep(derived?: Derived): string | undefined;
}

/**
 * Loads a knowledge folder as `loadCorpus` does (refusing to start on any problem), from the cache
 * file when it was written from the same bytes by the same code; otherwise `keep` writes it. A cache
 * that cannot be written is no error: the next start loads the folder again.
 */
export function loadCorpusCached<Derived>(dir: string, cache: KnowledgeCache): CachedLoad<Derived> {
  const before = knowledgeKey(dir, cache.codeVersion);
  const cached = readCacheFile<Derived>(cache.file, before.key);
  const vectorsFile = join(dir, VECTORS_FILE);
  if (cached) {
    const wordVectors = existsSync(vectorsFile) ? readWordVectors(vectorsFile) : undefined;
    return {
      corpus: Object.freeze({ ...cached.data, ...(wordVectors && { wordVectors }) }),
      derived: cached.derived,
      read: true,
      keep: () => undefined,
    };
  }
  const corpus = loadCorpus(dir);
  return {
    corpus,
    derived: undefined,
    read: false,
    keep(derived) {
      // A file edited since it was loaded: the corpus may hold either version, so it is not kept.
      if (knowledgeStamp(knowledgeFiles(dir)) !== before.stamp)
        return "the knowledge folder changed while it was loaded";
      return writeCacheFile(cache.file, before.key, corpus, derived);
    },
  };
}
