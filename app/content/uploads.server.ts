import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import {
  MaxPartSizeExceededError,
  unstable_composeUploadHandlers,
  unstable_createFileUploadHandler,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  NodeOnDiskFile,
} from "@remix-run/node";
import { env } from "~/env.server";

const FILE_FIELDS = ["video", "captions"];

export function uploadsDir(): string {
  return path.resolve(env.UPLOADS_DIR);
}

/** Reads a multipart form: text fields in memory, the video and caption files to UPLOADS_DIR. */
export async function parseUploadForm(request: Request): Promise<{ formData: FormData } | { tooLarge: true }> {
  fs.mkdirSync(uploadsDir(), { recursive: true });
  const handler = unstable_composeUploadHandlers(
    unstable_createFileUploadHandler({
      directory: uploadsDir(),
      maxPartSize: env.MAX_VIDEO_MB * 1024 * 1024,
      avoidFileConflicts: true,
      // Our own random names: the uploader's file name never reaches the disk.
      file: () => randomBytes(12).toString("hex"),
      filter: ({ name }) => FILE_FIELDS.includes(name),
    }),
    unstable_createMemoryUploadHandler({ maxPartSize: 200_000 }),
  );
  try {
    return { formData: await unstable_parseMultipartFormData(request, handler) };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { tooLarge: true };
    throw error;
  }
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

/** The stored name (never a path from the outside). */
export function storedName(file: NodeOnDiskFile): string {
  return path.basename(file.getFilePath());
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
