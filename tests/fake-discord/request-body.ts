import type { IncomingMessage } from "node:http";
import { parseMultipart } from "./multipart.ts";

export interface UploadedFile {
  field: string;
  filename: string;
  contentType: string | undefined;
  size: number;
  /** The bytes as uploaded, so a test can decode what the bot attached (the timeline picture). */
  data: Buffer;
}

export interface ParsedBody {
  /** The JSON body, or the `payload_json` part of a multipart body; undefined when there was none. */
  json: unknown;
  files: UploadedFile[];
}

export class InvalidBodyError extends Error {}

export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

/** Throws InvalidBodyError for bodies real Discord would refuse to parse. */
export function parseBody(raw: Buffer, contentType: string | undefined): ParsedBody {
  if (raw.length === 0) return { json: undefined, files: [] };
  if (contentType?.startsWith("multipart/form-data")) return parseMultipartBody(raw, contentType);
  return { json: parseJson(raw.toString("utf8")), files: [] };
}

function parseMultipartBody(raw: Buffer, contentType: string): ParsedBody {
  let parts: ReturnType<typeof parseMultipart>;
  try {
    parts = parseMultipart(raw, contentType);
  } catch (error) {
    throw new InvalidBodyError(error instanceof Error ? error.message : String(error));
  }
  const payload = parts.find((part) => part.name === "payload_json");
  const files = parts
    .filter((part) => part.filename !== undefined)
    .map((part) => ({
      field: part.name,
      filename: part.filename ?? part.name,
      contentType: part.contentType,
      size: part.data.length,
      data: part.data,
    }));
  return { json: payload === undefined ? undefined : parseJson(payload.data.toString("utf8")), files };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new InvalidBodyError("The request body contains invalid JSON.");
  }
}
