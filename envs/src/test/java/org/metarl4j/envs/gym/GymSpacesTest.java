package org.metarl4j.envs.gym;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.metarl4j.envs.space.Box;
import org.metarl4j.envs.space.Discrete;

class GymSpacesTest {
    private static JsonNode json(String text) throws Exception {
        return JsonMapper.builder().build().readTree(text);
    }

    @Test
    void aTwoDimensionalBoxKeepsItsShapeBothWays() throws Exception {
        Box box = (Box) GymSpaces.parse(json("{\"high\":[1,1,1,1,1,1],\"low\":[0,0,0,0,0,0],\"name\":\"Box\","
                + "\"shape\":[2,3]}"), "test");
        assertArrayEquals(new int[] {2, 3}, box.shape());
        double[] action = {9, 1, 2, 3, 4, 5, 6};
        assertEquals("[[1.0,2.0,3.0],[4.0,5.0,6.0]]", GymSpaces.encodeAction(box, action, 1).toString());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, GymSpaces.flatten(json("[[1,2,3],[4,5,6]]"), "obs"));
        assertEquals("2", GymSpaces.encodeAction(new Discrete(3), new double[] {2}, 0).toString());
    }

    @Test
    void scalarObservationsOfDiscreteSpacesBecomeOneNumber() throws Exception {
        assertArrayEquals(new double[] {7}, GymSpaces.flatten(json("7"), "obs"));
        assertThrows(GymProtocolException.class, () -> GymSpaces.flatten(json("\"seven\""), "obs"));
        assertThrows(GymProtocolException.class, () -> GymSpaces.flatten(json("[1,[\"x\"]]"), "obs"));
    }

    @Test
    void badDescriptionsAreProtocolErrorsAndOtherSpacesUnsupported() throws Exception {
        assertThrows(GymProtocolException.class, () -> GymSpaces.parse(json("{\"n\":2}"), "t"));
        assertThrows(GymProtocolException.class, () -> GymSpaces.parse(json("{\"name\":\"Discrete\",\"n\":0}"), "t"));
        assertThrows(GymProtocolException.class, () -> GymSpaces.parse(json("{\"name\":\"Box\",\"shape\":[2],"
                + "\"low\":[0],\"high\":[1]}"), "t"));
        assertThrows(GymProtocolException.class, () -> GymSpaces.parse(json("{\"name\":\"Box\",\"shape\":[1],"
                + "\"low\":[2],\"high\":[1]}"), "t"));
        UnsupportedSpaceException e = assertThrows(UnsupportedSpaceException.class, () -> GymSpaces.parse(
                json("{\"name\":\"Tuple\"}"), "Blackjack-v1 observation space"));
        assertTrue(e.getMessage().startsWith("Blackjack-v1 observation space is a Tuple space"), e.getMessage());
    }
}
