package io.genesis.sites;

import jakarta.json.JsonObject;

import java.util.List;

/**
 * Port: the results of a business's completed tasks, in plan order, as the component that runs businesses stored
 * them. The site is built from them; implemented where businesses live.
 */
public interface BusinessArtefacts {

    List<JsonObject> completedResults(String businessId);
}
