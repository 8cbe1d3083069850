package org.metarl4j.envs.gym.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Test fixture: a fresh {@link GymServer} on an ephemeral loopback port per test, and a raw HTTP helper for it. */
abstract class ServedOnLoopback {
    GymServer server;
    GymHttp http;

    @BeforeEach
    void startServer() {
        server = GymServer.start(GymServerConfig.defaults().withPort(0));
        http = new GymHttp(server.uri());
    }

    @AfterEach
    void stopServer() {
        server.close();
    }
}
