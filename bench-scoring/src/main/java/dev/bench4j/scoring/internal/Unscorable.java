package dev.bench4j.scoring.internal;

/**
 * Says why a result cannot be scored; a scorer catches it and returns it as an error score. Carries
 * no stack trace: it is a message, not a failure of the code.
 */
final class Unscorable extends RuntimeException {

    Unscorable(String message) {
        super(message, null, false, false);
    }
}
