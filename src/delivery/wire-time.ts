// When a connector call's request actually leaves the process. The pacer counts a request in its windows
// from the moment it starts the call, but the request reaches the connector only after botbuilder's turn,
// the token, a free socket (a new connection when none is idle) and the event loop: 1-3 ms usually, tens of
// ms for a fresh connection or a busy process. Teams counts arrivals, so a window counted at call start lets
// the connector see one request too many whenever an early request was slower than a later one. So each
// request is counted again at the moment Node has handed it to the socket ('finish' of the ClientRequest),
// observed through Node's `http.client.request.start` diagnostics channel and attributed to the call whose
// async context created it. Senders that make no HTTP request (tests, benchmarks in process) report nothing,
// and their requests stay counted at call start.
import { AsyncLocalStorage } from 'node:async_hooks';
import diagnostics from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';

/** Receives the path of the request that was handed to its socket. */
type OnWritten = (path: string) => void;

const calls = new AsyncLocalStorage<OnWritten>();
let subscribed = false;

function onRequestStart(message: unknown): void {
  const onWritten = calls.getStore();
  if (!onWritten) return;
  const { request } = message as { request: ClientRequest };
  request.once('finish', () => onWritten(request.path));
}

/** Runs `call`; `onWritten` fires each time an HTTP request the call makes has been handed to its socket. */
export function observeWrites<T>(onWritten: OnWritten, call: () => T): T {
  if (!subscribed) {
    diagnostics.subscribe('http.client.request.start', onRequestStart);
    subscribed = true;
  }
  return calls.run(onWritten, call);
}
