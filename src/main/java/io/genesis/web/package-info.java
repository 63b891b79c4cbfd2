/**
 * What every HTTP response of the application carries, whatever answers it (JAX-RS, servlets, static files, error
 * pages): security headers and, only for configured origins, CORS. Servlet filters only; must not read or change
 * request bodies, decide who the caller is, nor know any Genesis component.
 */
package io.genesis.web;
