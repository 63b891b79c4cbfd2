/**
 * Dev services: real PostgreSQL and Redis processes from Maven-shipped binaries for {@code mvn liberty:run}
 * and the integration tests. Never used when DB_URL / REDIS_URL point elsewhere; never part of a production WAR path.
 */
package io.genesis.devservices;
