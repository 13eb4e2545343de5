// A pipeline policy on every Table client that sends request bodies as ASCII only: each character above
// U+007F becomes a JSON `\uXXXX` escape (a character outside the BMP as its two surrogate escapes), and
// Content-Length is set to the new length.
//
// Why: Azurite 3.35, the embedded storage, decodes a request body chunk by chunk, so a multi-byte UTF-8
// character (ä, ß, €, emoji) that straddles a network chunk boundary of a large write is stored as U+FFFD,
// silently. An escaped body has no multi-byte characters left to split. Azure Table Storage reads the escapes
// as the same characters, so the policy runs for every target: one code path, and the stored value is the
// same either way.
//
// Non-ASCII can only stand inside JSON strings: in an entity body (application/json) and in the JSON parts
// of a transaction (multipart/mixed), whose request lines carry URL-encoded keys and whose part headers are
// ASCII. Escaping every non-ASCII character of such a body therefore changes no value and no structure.
import type { PipelinePolicy } from '@azure/core-rest-pipeline';

export const ASCII_BODY_POLICY_NAME = 'asciiJsonBody';

const NON_ASCII = /[^\x00-\x7f]/;
const NON_ASCII_ALL = /[^\x00-\x7f]/g;

/** `text` with every UTF-16 code unit above U+007F written as a JSON `\uXXXX` escape. */
export function escapeNonAscii(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  return text.replace(NON_ASCII_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function carriesJson(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.toLowerCase();
  return type.includes('json') || type.startsWith('multipart/mixed');
}

export function asciiBodyPolicy(): PipelinePolicy {
  return {
    name: ASCII_BODY_POLICY_NAME,
    async sendRequest(request, next) {
      if (typeof request.body === 'string' && carriesJson(request.headers.get('content-type'))) {
        const body = escapeNonAscii(request.body);
        if (body !== request.body) {
          request.body = body;
          // ASCII only now: one byte per character.
          request.headers.set('content-length', String(body.length));
        }
      }
      return next(request);
    },
  };
}
