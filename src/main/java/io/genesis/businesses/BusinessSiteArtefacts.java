package io.genesis.businesses;

import io.genesis.api.JsonConventions;
import io.genesis.businesses.store.BusinessStore;
import io.genesis.sites.BusinessArtefacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.util.List;

/** The sites' view of a business: the results of its completed tasks in plan order, without their echoed inputs. */
@ApplicationScoped
public class BusinessSiteArtefacts implements BusinessArtefacts {

    @Inject
    BusinessStore store;

    @Override
    public List<JsonObject> completedResults(String businessId) {
        return store.tasks(businessId).stream()
                .filter(task -> task.status() == DagTaskStatus.COMPLETED && task.result() instanceof JsonObject)
                .map(task -> JsonConventions.json().createObjectBuilder((JsonObject) task.result()).remove("input").build())
                .toList();
    }
}
