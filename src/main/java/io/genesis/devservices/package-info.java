/**
 * Dev services: real PostgreSQL and Redis processes from Maven-shipped binaries for {@code mvn liberty:run}
 * and the integration tests. Must not start anything when DB_URL / REDIS_URL point elsewhere, nor be part of a production WAR path.
 */
package io.genesis.devservices;
