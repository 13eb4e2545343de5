// Coded errors travel inside the service; the edge (Teams layer, CLI, HTTP) turns the code into user text.
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
