package io.genesis.objectstore;

/** The object store could not be reached, or refused a request (its status and S3 error code in the message, never a key). */
public class ObjectStoreUnavailable extends RuntimeException {

    public ObjectStoreUnavailable(String message) {
        super(message);
    }

    public ObjectStoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
