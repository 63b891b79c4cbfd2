package io.genesis.businesses.boundary;

import io.genesis.businesses.BusinessRequest;
import io.genesis.businesses.InvalidBusinessRequest;
import io.genesis.problem.RequestJson;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The intake body read as JAX-RS reads it (the application's strict JSON-B), then handed to the domain. */
class BusinessCreationTest {

    private static final Jsonb JSONB = new RequestJson().getContext(BusinessCreation.class);


    private static final String GUIDE_EXAMPLE = """
            {"business_type":"saas_dashboard","requirements":{"name":"AI Finance Copilot",
             "description":"Automated CFO assistant for SMBs","target_audience":"Small business owners",
             "monetization":"Subscription $49/mo","mvp_features":["Expense categorisation","Cashflow forecasting"],
             "tech_stack":["Next.js","Postgres"],"success_metrics":{"activation_rate":"> 30%","payback_period":"< 60 days"},
             "business_type":"saas_dashboard","estimated_time":"<8h"}}""";

    @Test
    void theGuidesCustomRequirementsAreAcceptedUnderTheirOwnNames() {
        BusinessRequest request = read(GUIDE_EXAMPLE);
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
        BusinessRequest request = read("""
                {"business_type":"saas_tool","requirements":{"features":["team inbox"],"target_market":"agencies",
                 "mvp_features":["team inbox"]}}""");
        JsonObject stored = request.toJson().getJsonObject("requirements");
        assertEquals(List.of("team inbox"), request.requirements().mvpFeatures());
        assertEquals("agencies", stored.getString("target_audience"));
        assertFalse(stored.containsKey("features") || stored.containsKey("target_market"), stored.toString());
    }

    @Test
    void anAliasWithADifferentValueIsRefusedNamingBoth() {
        InvalidBusinessRequest features = assertThrows(InvalidBusinessRequest.class, () -> read("""
                {"business_type":"saas_tool","requirements":{"features":["a"],"mvp_features":["b"]}}"""));
        assertEquals("requirements.mvp_features", features.field());
        assertTrue(features.getMessage().contains("requirements.features"), features.getMessage());
        InvalidBusinessRequest audience = assertThrows(InvalidBusinessRequest.class, () -> read("""
                {"business_type":"saas_tool","requirements":{"target_market":"a","target_audience":"b"}}"""));
        assertEquals("requirements.target_audience", audience.field());
        assertTrue(audience.getMessage().contains("requirements.target_market"), audience.getMessage());
        InvalidBusinessRequest type = assertThrows(InvalidBusinessRequest.class, () -> read("""
                {"business_type":"saas_tool","requirements":{"business_type":"api_service"}}"""));
        assertEquals("business_type", type.field());
    }

    @Test
    void unknownFieldsAndWrongTypesAreNotRead() {
        // how a binding refusal becomes a 400 naming the field is BindingProblemsTest's and BusinessCreationIT's
        for (String body : List.of("{\"business_type\":\"saas_tool\",\"colour\":\"red\"}",
                "{\"business_type\":\"saas_tool\",\"requirements\":{\"colour\":\"red\"}}",
                "{\"requirements\":{\"name\":3}}",
                "{\"business_type\":\"saas_tool\",\"autonomous\":\"yes\"}", "{\"requirements\":{\"simulate\":[]}}")) {
            assertThrows(JsonbException.class, () -> read(body), body);
        }
        assertEquals("requirements.budget_usd", assertThrows(InvalidBusinessRequest.class,
                () -> read("{\"requirements\":{\"budget_usd\":-1}}")).field());
        assertEquals("requirements.simulate", assertThrows(InvalidBusinessRequest.class,
                () -> read("{\"requirements\":{\"simulate\":{\"qa_agent\":true}}}")).field());
    }

    @Test
    void theTypeMayComeFromTheRequirementsAlone() {
        assertEquals("api_service", read("{\"requirements\":{\"business_type\":\"api_service\"}}").businessType());
    }

    private static BusinessRequest read(String body) {
        return JSONB.fromJson(body, BusinessCreation.class).toRequest();
    }
}
