package org.metarl4j.envs.gym;

import java.util.regex.Pattern;

/**
 * The server rejected the request with status 400 and said why ({@code {"message": ...}}): an unknown env id, a
 * missing parameter, an instance id it does not know (closed, or lost when the server restarted).
 */
public final class GymRequestException extends GymException {
    private static final long serialVersionUID = 1L;
    private static final Pattern UNKNOWN_INSTANCE = Pattern.compile("Instance_id \\S* ?unknown");
    private final int status;
    private final String serverMessage;

    GymRequestException(String message, int status, String serverMessage) {
        super(message, null);
        this.status = status;
        this.serverMessage = serverMessage;
    }

    public int status() {
        return status;
    }

    /** What the server said, as it said it. */
    public String serverMessage() {
        return serverMessage;
    }

    /** Whether the server does not know the instance id: closed before, or the server restarted since. */
    public boolean unknownInstance() {
        return isUnknownInstance(serverMessage);
    }

    /** Whether {@code serverMessage} is gym-http-api's "Instance_id ... unknown". */
    static boolean isUnknownInstance(String serverMessage) {
        return serverMessage != null && UNKNOWN_INSTANCE.matcher(serverMessage).find();
    }
}
