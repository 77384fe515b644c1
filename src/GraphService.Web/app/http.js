// Requests to the API: JSON or a report's text, and failures as ProblemError (problem+json read by model.js).
import { describeProblem } from './model.js';

/** An API failure: the message to show (the problem's detail) and the entities offered instead, if any. */
export class ProblemError extends Error {
  constructor({ message, parameter = null, choices = [], status = null, type = null }) {
    super(message);
    this.parameter = parameter;
    this.choices = choices;
    this.status = status;
    this.type = type;
  }
}

/** GET `path`; JSON by default, else the body as text with its Content-Type. Failures become ProblemError. */
export async function request(path, accept = 'application/json') {
  let response;
  try {
    response = await fetch(path, { headers: { Accept: accept } });
  } catch (e) {
    throw new ProblemError({ message: `The service could not be reached (${e.message}).` });
  }
  const contentType = response.headers.get('Content-Type') ?? '';
  if (!response.ok) {
    const body = contentType.includes('json') ? await response.json().catch(() => null) : null;
    throw new ProblemError({ ...describeProblem(response.status, response.statusText, body), status: response.status, type: body?.type ?? null });
  }
  if (accept === 'application/json') return response.json();
  return { text: await response.text(), contentType };
}
