import { type ActionFunctionArgs, json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { requireUser } from "~/auth/guard.server";
import { FormError, SubmitButton, TextAreaField, useZodForm } from "~/components/form";
import { MessageBody } from "~/components/message-body";
import { postMessageAndNotify } from "~/messages/notices.server";
import { blockThreadCompany, reportMessage } from "~/messages/safety.server";
import { MESSAGE_MAX, replySchema, threadActionSchema } from "~/messages/schemas";
import { inviteConsultant, openThread } from "~/messages/threads.server";
import { viewerOf } from "~/messages/viewer.server";
import { checkRateLimit, LIMITS, rateLimiter } from "~/security/rate-limit.server";
import { formatDate, formatTime } from "~/utils/dates";
import { redirectWithMessage } from "~/utils/flash.server";
import { badRequest, parseForm } from "~/utils/forms.server";
import { forbidden } from "~/utils/http-errors.server";

import { db } from "../../db/client.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.thread.subject}: Beskeder` : "Beskeder" }];

const ENDED_TEXT = {
  company: "Borgeren har sagt nej tak. I kan ikke skrive mere i denne samtale.",
  other: "Borgeren har sagt nej tak til virksomheden. Der kan ikke skrives mere i denne samtale.",
};

const notInThread = () => forbidden("Du er ikke med i den samtale.");

function threadId(raw: string | undefined): number | null {
  const id = Number(raw);
  return Number.isInteger(id) && id > 0 ? id : null;
}

// Only the thread's members (threads.server threadsFor): its flexjobber, its company's users, invited consultants, staff on jobcenter threads.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = threadId(params.id);
  const page = Number(new URL(request.url).searchParams.get("side")) || 1;
  const thread = id ? await openThread(db, viewerOf(user), id, page) : null;
  if (!thread) throw notInThread();
  return json({ thread, role: user.role });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = threadId(params.id);
  if (!id) throw notInThread();
  const parsed = await parseForm(request, threadActionSchema);
  if (!parsed.success) return parsed.response;
  const viewer = viewerOf(user);
  if (parsed.data.intent === "invite") {
    const result = await inviteConsultant(db, viewer, id);
    if (result === "not_found") throw notInThread();
    if (result === "no_consultant") return badRequest({}, "Der er ingen fast jobkonsulent på borgeren. Skriv til jobcentret i stedet.", 409);
    return redirectWithMessage(`/beskeder/${id}`, "konsulent-inviteret");
  }
  if (parsed.data.intent === "block") {
    if ((await blockThreadCompany(db, viewer, id)) === "not_found") throw notInThread();
    return redirectWithMessage(`/beskeder/${id}`, "virksomhed-blokeret");
  }
  if (parsed.data.intent === "report") {
    const result = await reportMessage(db, viewer, { threadId: id, messageId: parsed.data.messageId, reason: parsed.data.reason });
    if (result === "not_found") return badRequest({}, "Beskeden findes ikke i samtalen.", 404);
    if (result === "too_many") return badRequest({}, "Du har anmeldt mange beskeder den sidste time. Vent lidt, eller skriv til jobcentret.", 429);
    return redirectWithMessage(`/beskeder/${id}`, "besked-anmeldt");
  }
  const limit = [{ limit: LIMITS.messages, key: user.id }];
  await checkRateLimit(limit);
  const result = await postMessageAndNotify(db, viewer, id, parsed.data.body);
  if (result === "not_found") throw notInThread();
  if (result === "ended") return badRequest({}, ENDED_TEXT[user.role === "company" ? "company" : "other"], 403);
  // Counted once stored (like failed logins): a refused post costs nothing, and a stored one is never answered 429.
  await rateLimiter.record(limit);
  return redirectWithMessage(`/beskeder/${id}`, "besked-sendt");
}

export default function ThreadPage() {
  const { thread, role } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/beskeder">Tilbage til Beskeder</Link>
      </p>
      <h1>{thread.subject}</h1>
      <p className="muted">
        Samtale med {thread.withWhom}
        {thread.consultants.length > 0 ? `. Jobkonsulent: ${thread.consultants.join(", ")}` : ""}.
      </p>
      {thread.page < thread.pages ? (
        <p>
          <Link to={`?side=${thread.page + 1}`}>Vis ældre beskeder</Link>
        </p>
      ) : null}
      <ol className="messages" aria-label="Beskeder i samtalen">
        {thread.messages.map((m) => (
          <li key={m.id} className={m.mine ? "message mine" : "message"}>
            <p className="message-meta">
              <strong>{m.author}</strong> <span className="muted">{`${formatDate(m.createdAt)} kl. ${formatTime(m.createdAt)}`}</span>
            </p>
            {m.body ? <MessageBody text={m.body} /> : <p className="muted">Beskeden er slettet.</p>}
            {m.reportable && m.body ? <ReportForm messageId={m.id} author={m.author} /> : null}
          </li>
        ))}
      </ol>
      {thread.page > 1 ? (
        <p>
          <Link to={thread.page === 2 ? "?" : `?side=${thread.page - 1}`}>Vis nyere beskeder</Link>
        </p>
      ) : null}
      <FormError message={actionData?.formError} />
      {thread.endedByNo ? (
        <p className="notice" role="status">
          {role === "company" ? (
            ENDED_TEXT.company
          ) : role === "flexjobber" ? (
            <>
              Du har sagt nej tak. Virksomheden kan ikke skrive mere i denne samtale. Vil du tale med jobcentret, kan du <Link to="/beskeder/ny">skrive til jobcentret</Link>.
            </>
          ) : (
            ENDED_TEXT.other
          )}
        </p>
      ) : (
        <ReplyForm key={thread.messages.at(-1)?.id ?? 0} errors={actionData?.errors} />
      )}
      {thread.canInviteConsultant ? (
        <Form method="post" className="actions">
          <input type="hidden" name="intent" value="invite" />
          <SubmitButton className="secondary" pendingText="Inviterer …">
            {role === "flexjobber" ? "Inviter min jobkonsulent" : "Inviter borgerens jobkonsulent"}
          </SubmitButton>
          <span className="muted">Jobkonsulenten kan så læse og skrive med i samtalen.</span>
        </Form>
      ) : null}
      {role === "flexjobber" && thread.company ? (
        <details className="danger-zone">
          <summary>Bloker {thread.company}</summary>
          <p>
            Blokerer du virksomheden, kan den ikke længere finde din profil, se den blandt anbefalede kandidater eller skrive til dig. Du kan fjerne blokeringen igen under Min
            konto.
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="block" />
            <SubmitButton className="danger" pendingText="Blokerer …">
              Bloker {thread.company}
            </SubmitButton>
          </Form>
        </details>
      ) : null}
    </>
  );
}

/** "Anmeld": tells the jobcenter about a message that is rude, unsafe or wrong. */
function ReportForm({ messageId, author }: { messageId: number; author: string }) {
  return (
    <details className="report">
      <summary>
        Anmeld <span className="visually-hidden">beskeden fra {author}</span>
      </summary>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="report" />
        <input type="hidden" name="messageId" value={messageId} />
        <div className="field">
          <label htmlFor={`reason-${messageId}`}>Hvad er der galt? (frivilligt)</label>
          <textarea id={`reason-${messageId}`} name="reason" rows={2} maxLength={1000} />
        </div>
        <div>
          <button type="submit" className="secondary">
            Send anmeldelse til jobcentret
          </button>
        </div>
      </Form>
    </details>
  );
}

function ReplyForm({ errors }: { errors?: Record<string, string> }) {
  const { onSubmit, errorFor, register } = useZodForm(replySchema, { serverErrors: errors, defaultValues: { intent: "message" } });
  return (
    <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
      <input type="hidden" name="intent" value="message" />
      <TextAreaField label="Skriv en besked" registration={register("body")} error={errorFor("body")} maxLength={MESSAGE_MAX} />
      <div>
        <SubmitButton pendingText="Sender …">Send</SubmitButton>
      </div>
    </Form>
  );
}
