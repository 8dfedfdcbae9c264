import { micromark } from "micromark";

/**
 * Staff-written Markdown → HTML that is safe to insert: micromark escapes any
 * raw HTML (so no <script>, no onerror=) and blanks unsafe link protocols such
 * as javascript:. Links open no window handle to us (rel="noopener").
 */
export function renderMarkdown(markdown: string): string {
  const html = micromark(markdown);
  // micromark writes every link as `<a href="…">`; raw HTML never survives, so this only touches its own tags.
  return html.replace(/<a href="/g, '<a rel="noopener noreferrer" href="');
}
