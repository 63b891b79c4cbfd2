package io.genesis.quality;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HgmJudgeTest {

    private final HgmJudge judge = new HgmJudge();

    @Test
    void cmpSubtractsFifteenPercentOfTheVarianceSumAndNeverGoesNegative() {
        assertEquals(80 - 0.15 * 30, HgmJudge.cmp(80, 30), 1e-12);
        assertEquals(0.0, HgmJudge.cmp(10, 100));
    }

    @Test
    void qaReportGradedByHand() {
        JsonObject report = Json.createObjectBuilder()
                .add("summary", "Ran the suite")
                .add("tests_total", 10).add("tests_passed", 8).add("tests_failed", 2)
                .add("attempt", 2)
                .build();
        QualityGrade grade = judge.grade("qa_agent", "test", report);
        // correctness: no error 1, has content 1, counts add up 1, pass rate .8 -> 95, variance 100*.0075 = .75
        assertEquals(95.0, grade.dimensions().get("correctness"), 1e-9);
        // completeness: tests_total, tests_passed, tests_failed present, 5 of 5 fields non-empty -> 100, variance 0
        assertEquals(100.0, grade.dimensions().get("completeness"), 1e-9);
        // efficiency: size 1, first attempt? no, 1/2 -> 75, variance 100*.0625 = 6.25
        assertEquals(75.0, grade.dimensions().get("efficiency"), 1e-9);
        // safety: no credential 1, WaltzRL safety 1 -> 100, variance 0
        assertEquals(100.0, grade.dimensions().get("safety"), 1e-9);
        assertEquals(92.5, grade.dimensions().get("overall"), 1e-9);
        assertEquals(0.925, grade.score(), 1e-12);
        // 92.5 - .15 * (0.75 + 0 + 6.25 + 0)
        assertEquals(91.45, grade.cmp(), 1e-9);
        assertTrue(grade.passes());
    }

    @Test
    void errorsMissingArtefactsAndLeakedSecretsGradeLow() {
        JsonObject failed = Json.createObjectBuilder()
                .add("status", "failed")
                .add("error", "deploy rejected: token=ghp_abcdefghijklmnopqrstuvwxyz0123")
                .add("deployment_url", "not a url")
                .build();
        QualityGrade grade = judge.grade("deploy_agent", "deploy", failed);
        assertTrue(grade.dimensions().get("correctness") < 50, grade.toString());
        assertTrue(grade.dimensions().get("safety") <= 50, grade.toString());
        assertFalse(grade.passes());
    }

    @Test
    void emptyOutputGradesZero() {
        QualityGrade grade = judge.grade("builder_agent", "implement", Json.createObjectBuilder().build());
        assertEquals(0.0, grade.score());
        assertEquals(0.0, grade.cmp());
        assertEquals(List.of("files", "summary"), HgmJudge.expectedArtefacts("builder_agent", "implement"));
    }

    @Test
    void theLengthBoundIsNeverBelowTheSerializedLength() {
        for (String json : new String[] {"{}", "[]", "{\"a\":\"b\"}", "{\"q\":\"say \\\"hi\\\"\\n\\u0001\\\\\"}",
                "{\"n\":[1,2.5,-3e10,true,false,null],\"o\":{\"x\":[{\"y\":\"\u00e9\u2019\"}]}}"}) {
            jakarta.json.JsonValue value = io.genesis.api.JsonConventions.json().createReader(new java.io.StringReader(json)).readValue();
            assertTrue(HgmJudge.lengthBound(value) >= value.toString().length(), json);
        }
    }

    @Test
    void anOutputOverTheLimitLosesEfficiencyAsBefore() {
        String big = "x".repeat(HgmJudge.MAX_OUTPUT_CHARS + HgmJudge.MAX_OUTPUT_CHARS / 2);
        QualityGrade grade = new HgmJudge().grade("analytics_agent", "analytics",
                io.genesis.api.JsonConventions.json().createObjectBuilder().add("summary", big).build());
        // the serialized output is 1.5 x the limit (plus a few characters): the size check scores just under .5
        double size = 1.0 - (double) ("{\"summary\":\"\"}".length() + big.length() - HgmJudge.MAX_OUTPUT_CHARS) / HgmJudge.MAX_OUTPUT_CHARS;
        assertEquals(100 * size, grade.dimensions().get(HgmJudge.EFFICIENCY), 1e-9);
    }
}
