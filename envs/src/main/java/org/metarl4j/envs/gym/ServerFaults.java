package org.metarl4j.envs.gym;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words for what a gym-http-api server sent back when it failed: the known causes of its 500 pages per endpoint (as
 * observed on the upstream server with gym 0.21), and a short text for an HTML error page.
 */
final class ServerFaults {
    private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.CASE_INSENSITIVE
            | Pattern.DOTALL);
    private static final Pattern PARAGRAPH = Pattern.compile("<p>(.*?)</p>", Pattern.CASE_INSENSITIVE
            | Pattern.DOTALL);
    private static final int EXCERPT = 240;

    /** The Box-space serialisation bug of upstream gym-http-api, in words. */
    static final String BOX_SPACE_BUG = "this is the known upstream gym-http-api bug with Box spaces (open issues "
            + "#73 and #77): the server puts the space's numpy float32 bounds into its JSON answer and Flask's JSON "
            + "encoder cannot serialise float32, so every query of a Box space fails with 500. Patch the server to "
            + "convert low/high to Python floats (e.g. .tolist()), or serve the env with MetaRL4J's `gym serve`";

    private ServerFaults() {
    }

    /** The known causes of a 5xx answer to {@code method path}, or a pointer to the server's log. */
    static String explain(String method, String path, int status) {
        if (status != 500) {
            return "the server or a proxy in front of it is failing";
        }
        if (method.equals("GET") && (path.endsWith("/action_space/") || path.endsWith("/observation_space/"))) {
            return BOX_SPACE_BUG;
        }
        if (path.endsWith("/step/")) {
            return "gym raised an exception in step; known causes: a step before the first reset (gym's "
                    + "OrderEnforcing), an action outside a Discrete space or a list for it, a single number for a "
                    + "Box space";
        }
        if (path.endsWith("/reset/")) {
            return "gym raised an exception in reset; upstream gym-http-api fails so for the toy_text envs "
                    + "(FrozenLake, Taxi, Blackjack: it calls .item() on a Python int)";
        }
        if (path.equals("/v1/shutdown/")) {
            return "the server cannot stop itself: upstream gym-http-api calls werkzeug.server.shutdown, which "
                    + "Werkzeug 2.1 and later removed; the server keeps running (stop its process instead)";
        }
        if (path.equals("/v1/upload/")) {
            return "gym.upload no longer exists in gym";
        }
        return "a Python exception on the server; its log has the traceback";
    }

    /** A one-line excerpt of an error body: an HTML page's title and first paragraph, or the text itself. */
    static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        String text;
        Matcher title = TITLE.matcher(body);
        if (title.find()) {
            Matcher paragraph = PARAGRAPH.matcher(body);
            text = title.group(1) + (paragraph.find() ? ": " + paragraph.group(1) : "");
        } else {
            text = body;
        }
        text = text.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "...";
    }

    /** Whether a status is worth retrying for a repeatable call: the gateway or the server is briefly unavailable. */
    static boolean transientStatus(int status) {
        return status == 502 || status == 503 || status == 504;
    }

    /** "404 Not Found"-style text for the statuses a gym server sends. */
    static String statusText(int status) {
        String reason = switch (status) {
            case 200 -> "OK";
            case 204 -> "No Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 307 -> "Temporary Redirect";
            case 308 -> "Permanent Redirect";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "";
        };
        return reason.isEmpty() ? String.valueOf(status) : status + " " + reason;
    }
}
