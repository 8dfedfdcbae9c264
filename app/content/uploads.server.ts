import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";

import { MaxPartSizeExceededError, NodeOnDiskFile, unstable_composeUploadHandlers, unstable_createFileUploadHandler, unstable_createMemoryUploadHandler } from "@remix-run/node";

import { env } from "~/env.server";
import { type FieldErrors, readMultipartFormData } from "~/utils/forms.server";

const FILE_FIELDS = ["video", "captions"];
const MAX_TEXT_PART = 200_000;

export function uploadsDir(): string {
  return path.resolve(env.UPLOADS_DIR);
}

/** Where files land while their request is still running; moved out only when it succeeds. */
function incomingDir(): string {
  return path.join(uploadsDir(), ".incoming");
}

/** At start no request is running: whatever is left in the incoming folder is from a crash. */
export function sweepIncomingUploads(): number {
  const dir = incomingDir();
  if (!fs.existsSync(dir)) return 0;
  const names = fs.readdirSync(dir);
  for (const name of names) fs.rmSync(path.join(dir, name), { force: true, recursive: true });
  return names.length;
}

export type UploadForm = { ok: true; formData: FormData; /** Removes this request's files that were not committed. */ cleanUp: () => void } | { ok: false; errors: FieldErrors };

/**
 * Reads a multipart form: text fields in memory, the video and caption files
 * to a temporary folder. A part that is too big gets its own message; a
 * failed, aborted or cut-off upload leaves no file behind.
 */
export async function parseUploadForm(request: Request): Promise<UploadForm> {
  fs.mkdirSync(incomingDir(), { recursive: true });
  const written: string[] = [];
  const cleanUp = () => {
    for (const name of written) fs.rmSync(path.join(incomingDir(), name), { force: true });
  };
  const handler = unstable_composeUploadHandlers(
    unstable_createFileUploadHandler({
      directory: incomingDir(),
      maxPartSize: env.MAX_VIDEO_MB * 1024 * 1024,
      avoidFileConflicts: true,
      // Our own random names: the uploader's file name never reaches the disk.
      file: () => {
        const name = randomBytes(12).toString("hex");
        written.push(name);
        return name;
      },
      filter: ({ name }) => FILE_FIELDS.includes(name),
    }),
    unstable_createMemoryUploadHandler({ maxPartSize: MAX_TEXT_PART }),
  );
  try {
    return { ok: true, formData: await readMultipartFormData(request, handler), cleanUp };
  } catch (error) {
    cleanUp();
    if (error instanceof MaxPartSizeExceededError) {
      const field = error.field;
      const message = FILE_FIELDS.includes(field) ? `Filen er for stor. Højst ${env.MAX_VIDEO_MB} MB.` : "Teksten er for lang. Gør den kortere.";
      return { ok: false, errors: { [field]: message } };
    }
    throw error;
  }
}

/** Moves an uploaded file from the temporary folder into place; returns its stored name. */
export function commitUpload(file: NodeOnDiskFile): string {
  const name = path.basename(file.getFilePath());
  fs.renameSync(file.getFilePath(), path.join(uploadsDir(), name));
  return name;
}

export function uploadedFile(formData: FormData, name: string): NodeOnDiskFile | null {
  const value = formData.get(name);
  return value instanceof NodeOnDiskFile && value.size > 0 ? value : null;
}

/** The video type by its first bytes, not by what the browser claims. */
export async function sniffVideoType(file: NodeOnDiskFile): Promise<"video/mp4" | "video/webm" | null> {
  const head = Buffer.from(await file.slice(0, 12).arrayBuffer());
  if (head.length >= 8 && head.subarray(4, 8).toString("latin1") === "ftyp") return "video/mp4";
  if (head.length >= 4 && head.readUInt32BE(0) === 0x1a45dfa3) return "video/webm";
  return null;
}

export async function isWebVtt(file: NodeOnDiskFile): Promise<boolean> {
  const head = (await file.slice(0, 16).text()).replace(/^\uFEFF/, "");
  return /^WEBVTT(\s|$)/.test(head);
}

export function removeUpload(name: string | null | undefined): void {
  if (!name) return;
  fs.rmSync(path.join(uploadsDir(), path.basename(name)), { force: true });
}

/** Serves an uploaded file, honouring Range requests so videos can be scrubbed and streamed. */
export function serveUpload(request: Request, name: string, type: string): Response {
  const file = path.join(uploadsDir(), path.basename(name));
  if (!fs.existsSync(file)) return new Response("Filen findes ikke.", { status: 404 });
  const size = fs.statSync(file).size;
  const headers = { "Content-Type": type, "Accept-Ranges": "bytes", "Cache-Control": "private, max-age=3600" };
  const range = request.headers.get("Range");
  const match = range ? /^bytes=(\d*)-(\d*)$/.exec(range.trim()) : null;
  if (range && !match) return new Response(null, { status: 416, headers: { "Content-Range": `bytes */${size}` } });
  if (match) {
    let start = match[1] ? Number(match[1]) : NaN;
    let end = match[2] ? Number(match[2]) : size - 1;
    if (Number.isNaN(start)) {
      // "bytes=-500": the last 500 bytes.
      start = Math.max(0, size - end);
      end = size - 1;
    }
    end = Math.min(end, size - 1);
    if (start > end || start >= size) return new Response(null, { status: 416, headers: { "Content-Range": `bytes */${size}` } });
    const stream = Readable.toWeb(fs.createReadStream(file, { start, end })) as ReadableStream;
    return new Response(stream, {
      status: 206,
      headers: { ...headers, "Content-Range": `bytes ${start}-${end}/${size}`, "Content-Length": String(end - start + 1) },
    });
  }
  const stream = Readable.toWeb(fs.createReadStream(file)) as ReadableStream;
  return new Response(stream, { status: 200, headers: { ...headers, "Content-Length": String(size) } });
}
