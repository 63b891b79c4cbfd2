package io.genesis.businesses;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BusinessRequestTest {

    private static final String GUIDE_EXAMPLE = """
            {"business_type":"saas_dashboard","requirements":{"name":"AI Finance Copilot",
             "description":"Automated CFO assistant for SMBs","target_audience":"Small business owners",
             "monetization":"Subscription $49/mo","mvp_features":["Expense categorisation","Cashflow forecasting"],
             "tech_stack":["Next.js","Postgres"],"success_metrics":{"activation_rate":"> 30%","payback_period":"< 60 days"},
             "business_type":"saas_dashboard","estimated_time":"<8h"}}""";

    @Test
    void theGuidesCustomRequirementsAreAcceptedUnderTheirOwnNames() {
        BusinessRequest request = BusinessRequest.of(json(GUIDE_EXAMPLE));
        assertEquals("saas_dashboard", request.businessType());
        assertTrue(request.runsAutonomously());
        BusinessRequest.Requirements requirements = request.requirements();
        assertEquals("Small business owners", requirements.targetAudience());
        assertEquals(List.of("Expense categorisation", "Cashflow forecasting"), requirements.mvpFeatures());
        assertEquals(Map.of("activation_rate", "> 30%", "payback_period", "< 60 days"), requirements.successMetrics());
        assertEquals("<8h", requirements.estimatedTime());
        JsonObject stored = request.toJson().getJsonObject("requirements");
        assertEquals("Small business owners", stored.getString("target_audience"));
        assertEquals("> 30%", stored.getJsonObject("success_metrics").getString("activation_rate"));
    }

    @Test
    void theOlderNamesAreAliasesStoredUnderTheGuidesNames() {
        BusinessRequest request = BusinessRequest.of(json("""
                {"business_type":"saas_tool","requirements":{"features":["team inbox"],"target_market":"agencies",
                 "mvp_features":["team inbox"]}}"""));
        JsonObject stored = request.toJson().getJsonObject("requirements");
        assertEquals(List.of("team inbox"), request.requirements().mvpFeatures());
        assertEquals("agencies", stored.getString("target_audience"));
        assertFalse(stored.containsKey("features") || stored.containsKey("target_market"), stored.toString());
    }

    @Test
    void anAliasWithADifferentValueIsRefusedNamingBoth() {
        InvalidBusinessRequest features = assertThrows(InvalidBusinessRequest.class, () -> BusinessRequest.of(json("""
                {"business_type":"saas_tool","requirements":{"features":["a"],"mvp_features":["b"]}}""")));
        assertEquals("requirements.mvp_features", features.field());
        assertTrue(features.getMessage().contains("requirements.features"), features.getMessage());
        InvalidBusinessRequest audience = assertThrows(InvalidBusinessRequest.class, () -> BusinessRequest.of(json("""
                {"business_type":"saas_tool","requirements":{"target_market":"a","target_audience":"b"}}""")));
        assertEquals("requirements.target_audience", audience.field());
        assertTrue(audience.getMessage().contains("requirements.target_market"), audience.getMessage());
        InvalidBusinessRequest type = assertThrows(InvalidBusinessRequest.class, () -> BusinessRequest.of(json("""
                {"business_type":"saas_tool","requirements":{"business_type":"api_service"}}""")));
        assertEquals("business_type", type.field());
    }

    @Test
    void unknownFieldsAndWrongTypesAreRefusedByName() {
        assertEquals("colour", assertThrows(InvalidBusinessRequest.class,
                () -> BusinessRequest.of(json("{\"business_type\":\"saas_tool\",\"colour\":\"red\"}"))).field());
        assertEquals("requirements.colour", assertThrows(InvalidBusinessRequest.class,
                () -> BusinessRequest.of(json("{\"business_type\":\"saas_tool\",\"requirements\":{\"colour\":\"red\"}}"))).field());
        assertEquals("requirements.success_metrics", assertThrows(InvalidBusinessRequest.class,
                () -> BusinessRequest.of(json("{\"requirements\":{\"success_metrics\":[\"mrr\"]}}"))).field());
        assertEquals("requirements.name", assertThrows(InvalidBusinessRequest.class,
                () -> BusinessRequest.of(json("{\"requirements\":{\"name\":3}}"))).field());
        assertEquals("autonomous", assertThrows(InvalidBusinessRequest.class,
                () -> BusinessRequest.of(json("{\"business_type\":\"saas_tool\",\"autonomous\":\"yes\"}"))).field());
        assertEquals("requirements.budget_usd", assertThrows(InvalidBusinessRequest.class,
                () -> BusinessRequest.of(json("{\"requirements\":{\"budget_usd\":-1}}"))).field());
    }

    @Test
    void theTypeMayComeFromTheRequirementsAlone() {
        assertEquals("api_service", BusinessRequest.of(json("{\"requirements\":{\"business_type\":\"api_service\"}}")).businessType());
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
