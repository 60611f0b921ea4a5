package dev.bench4j.core.internal.pipeline;

import dev.bench4j.core.ErrorKind;
import dev.bench4j.core.spi.CallException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns whatever a call failed with into a {@link CallException}. */
public final class Failures {

    private Failures() {
    }

    /**
     * Removes the {@link CompletionException} / {@link ExecutionException} wrappers.
     *
     * @param t the exception
     * @return the cause that matters
     */
    public static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /**
     * Returns whether a failure is a cancellation.
     *
     * @param t the exception
     * @return true for a {@link CancellationException}, wrapped or not
     */
    public static boolean isCancellation(Throwable t) {
        return unwrap(t) instanceof CancellationException;
    }

    /**
     * Maps a failure to a call exception: a call exception stays as it is, anything else is an
     * {@link ErrorKind#INTERNAL} error naming its type.
     *
     * @param t the exception
     * @param provider the provider's name, for the message
     * @return the call exception
     */
    public static CallException toCallException(Throwable t, String provider) {
        Throwable e = unwrap(t);
        if (e instanceof CallException ce) {
            return ce;
        }
        String msg = e.getMessage() == null ? "" : ": " + e.getMessage();
        return new CallException(ErrorKind.INTERNAL, "provider '" + provider + "' failed unexpectedly with "
                + e.getClass().getName() + msg, OptionalInt.empty(), Optional.empty(), e);
    }
}
