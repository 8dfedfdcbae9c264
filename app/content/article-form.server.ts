import { badRequest, echoValues, type FieldErrors, formDataToObject, zodFieldErrors } from "~/utils/forms.server";

import type { Db } from "../../db/kysely";
import type { Article } from "../../db/schema";
import { type MediaFiles, saveArticle } from "./articles.server";
import { articleSchema } from "./schemas";
import { commitUpload, isWebVtt, parseUploadForm, removeUpload, sniffVideoType, uploadedFile } from "./uploads.server";

/**
 * The create/edit post for articles and videos: text fields through the
 * form's zod schema, files checked by their content. Files move into place
 * only when the article is saved; on any error or exception they are removed.
 */
export async function handleArticlePost(db: Db, request: Request, { existing, staffId }: { existing?: Article; staffId: string }) {
  const upload = await parseUploadForm(request);
  if (!upload.ok) return { ok: false as const, response: badRequest(upload.errors) };
  const { formData, cleanUp } = upload;
  const committed: string[] = [];
  try {
    const video = uploadedFile(formData, "video");
    const captions = uploadedFile(formData, "captions");
    const parsed = articleSchema.safeParse(formDataToObject(formData));
    const errors: FieldErrors = parsed.success ? {} : zodFieldErrors(parsed.error);
    const videoType = video ? await sniffVideoType(video) : null;
    if (video && !videoType) errors.video = "Filen skal være en video i mp4- eller webm-format.";
    if (captions && !(await isWebVtt(captions))) errors.captions = "Underteksterne skal være en WebVTT-fil (.vtt), der starter med WEBVTT.";
    if (parsed.success && parsed.data.kind === "video") {
      const hasVideo = Boolean(video || existing?.videoFile || parsed.data.videoUrl);
      const hasText = Boolean(captions || existing?.captionsFile || parsed.data.transcript);
      if (!hasVideo) errors.video ??= "Vælg en videofil, eller skriv et link til videoen.";
      if (!hasText) errors.captions ??= "Tilføj undertekster (WebVTT) eller en tekstudskrift, så alle kan følge med.";
    }
    if (!parsed.success || Object.keys(errors).length > 0) {
      return { ok: false as const, response: badRequest(errors, undefined, 400, echoValues(formData)) };
    }

    const media: MediaFiles = {};
    if (video) {
      media.videoFile = commitUpload(video);
      media.videoType = videoType;
      committed.push(media.videoFile);
    }
    if (captions) {
      media.captionsFile = commitUpload(captions);
      committed.push(media.captionsFile);
    }
    const id = await saveArticle(db, parsed.data, media, { id: existing?.id, staffId });
    committed.length = 0;
    // Replaced files are removed once the new ones are saved.
    if (video && existing?.videoFile) removeUpload(existing.videoFile);
    if (captions && existing?.captionsFile) removeUpload(existing.captionsFile);
    return { ok: true as const, id };
  } finally {
    // Files moved into place for an article that was not saved go again.
    committed.forEach(removeUpload);
    cleanUp();
  }
}
