package org.metarl4j.envs.gym.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.metarl4j.envs.gym.server.GymRouter.Matched;
import org.metarl4j.envs.gym.server.GymRouter.MethodNotAllowed;
import org.metarl4j.envs.gym.server.GymRouter.NotFound;
import org.metarl4j.envs.gym.server.GymRouter.Redirect;
import org.metarl4j.envs.gym.server.GymRouter.Route;

/** Flask's slash and method rules, without sockets. */
class GymRouterTest {
    private static final GymRouter.Endpoint NONE = (params, body) -> GymResponse.noContent();
    private final GymRouter router = new GymRouter(List.of(
            new Route("POST", "/v1/envs/", NONE),
            new Route("GET", "/v1/envs/", NONE),
            new Route("POST", "/v1/envs/{instance_id}/step/", NONE),
            new Route("GET", "/v1/envs/{instance_id}/action_space/sample", NONE),
            new Route("GET", "/v1/envs/{instance_id}/action_space/contains/{x}", NONE)));

    @Test
    void parametersAreNonEmptySegments() {
        Matched matched = assertInstanceOf(Matched.class,
                router.resolve("GET", "/v1/envs/ab12cd34/action_space/contains/7", null));
        assertEquals(Map.of("instance_id", "ab12cd34", "x", "7"), matched.params());
        assertInstanceOf(NotFound.class, router.resolve("POST", "/v1/envs//step/", null));
        assertInstanceOf(NotFound.class, router.resolve("GET", "/v1/envs/a/b/action_space/sample", null));
    }

    @Test
    void slashesMustMatchTheRoute() {
        assertEquals(new Redirect("/v1/envs/a/step/?x=1"), router.resolve("POST", "/v1/envs/a/step", "x=1"));
        assertEquals(new Redirect("/v1/envs/"), router.resolve("GET", "/v1/envs", null));
        assertInstanceOf(NotFound.class, router.resolve("GET", "/v1/envs/a/action_space/sample/", null));
        assertInstanceOf(NotFound.class, router.resolve("GET", "", null));
    }

    @Test
    void anotherMethodIs405WithTheAllowedOnes() {
        assertEquals(new MethodNotAllowed(List.of("GET", "POST")), router.resolve("PUT", "/v1/envs/", null));
        // Werkzeug checks the method before redirecting a missing slash
        assertEquals(new MethodNotAllowed(List.of("POST")), router.resolve("GET", "/v1/envs/a/step", null));
    }
}
