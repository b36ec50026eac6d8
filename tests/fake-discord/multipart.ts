export interface MultipartPart {
  name: string;
  filename: string | undefined;
  contentType: string | undefined;
  data: Buffer;
}

/**
 * Just enough multipart/form-data parsing for what @discordjs/rest sends when a reply carries files:
 * a `payload_json` part with the message and one `files[n]` part per attachment.
 */
export function parseMultipart(body: Buffer, contentTypeHeader: string): MultipartPart[] {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentTypeHeader)?.[1];
  if (boundary === undefined) throw new Error("multipart body without a boundary");

  const delimiter = Buffer.from(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const contentStart = start + delimiter.length;
    // "--" right after a delimiter marks the end of the body.
    if (body.subarray(contentStart, contentStart + 2).toString() === "--") break;
    const next = body.indexOf(delimiter, contentStart);
    if (next === -1) break;
    // Each part sits between the CRLF after the delimiter and the CRLF before the next one.
    parts.push(parsePart(body.subarray(contentStart + 2, next - 2)));
    start = next;
  }
  return parts;
}

function parsePart(raw: Buffer): MultipartPart {
  const headerEnd = raw.indexOf("\r\n\r\n");
  if (headerEnd === -1) throw new Error("multipart part without headers");
  const headers = raw.subarray(0, headerEnd).toString("utf8");
  const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? "";
  const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
  if (name === undefined) throw new Error("multipart part without a name");
  return {
    name,
    filename: /\bfilename="([^"]*)"/i.exec(disposition)?.[1],
    contentType: /content-type:\s*([^\r\n]*)/i.exec(headers)?.[1]?.trim(),
    data: raw.subarray(headerEnd + 4),
  };
}
