package dev.bench4j.web.internal;

/** A request the viewer refuses, with the HTTP status and a message for the person who sent it. */
final class HttpError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final int status;

    HttpError(int status, String message) {
        super(message);
        this.status = status;
    }

    static HttpError badRequest(String message) {
        return new HttpError(400, message);
    }

    static HttpError forbidden(String message) {
        return new HttpError(403, message);
    }

    static HttpError notFound(String message) {
        return new HttpError(404, message);
    }
}
