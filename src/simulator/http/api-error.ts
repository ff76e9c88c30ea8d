/**
 * A WebWork API failure: the route throws it, the server's error handler renders the documented
 * error envelope `{ success: false, message, error, meta }` with this status.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The envelope's `error` field: a short label for the status, as the docs show. */
    readonly label: string | null = defaultLabels[status] ?? null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const defaultLabels: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthenticated',
  403: 'Forbidden',
  404: 'Not Found',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

export const badRequest = (message: string) => new ApiError(400, message);
export const unauthenticated = (message: string) => new ApiError(401, message);
export const forbidden = (message: string) => new ApiError(403, message);
export const notFound = (message: string) => new ApiError(404, message);
/** 422: a value is present but invalid (GAPS G6: 400 is kept for missing input and business rules). */
export const unprocessable = (message: string) => new ApiError(422, message);
