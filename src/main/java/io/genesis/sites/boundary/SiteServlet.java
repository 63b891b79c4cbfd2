package io.genesis.sites.boundary;

import io.genesis.problem.Problem;
import io.genesis.problem.ServletProblems;
import io.genesis.sites.InvalidSignUp;
import io.genesis.sites.SignUpThrottled;
import io.genesis.sites.SiteFile;
import io.genesis.sites.SiteStorage;
import io.genesis.sites.Waitlist;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The websites of successful businesses, public (no token: it is outside {@code /api} and its role filter, on
 * purpose). {@code GET|HEAD /sites/{slug}/[path]} serves a file of the site's live version ({@code index.html} for
 * the directory) with its content type, a strong ETag ({@code If-None-Match} answers 304), {@code Cache-Control}
 * (HTML revalidates every time, so a new version shows at once; CSS, XML and text may be cached five minutes) and a
 * strict Content-Security-Policy that allows no script at all. {@code POST /sites/{slug}/waitlist} takes the form
 * ({@code email}) and answers 303 to the site's thank-you page. Anything else: problem+json (404 for an unknown site or
 * file, 405, 415, 400, 429 with {@code Retry-After}, 503 while PostgreSQL or Redis is down).
 */
@WebServlet(name = "sites", urlPatterns = "/sites/*")
public class SiteServlet extends HttpServlet {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    static final String HTML_CACHE = "no-cache";
    static final String ASSET_CACHE = "public, max-age=300";
    static final String FORM = "application/x-www-form-urlencoded";
    static final int RETRY_AFTER_OUTAGE_SECONDS = 5;
    private static final Pattern ADDRESS = Pattern.compile("/([a-z0-9][a-z0-9-]{0,63})(/.*)?");
    private static final Pattern FILE = Pattern.compile("[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*\\.(html|css|xml|txt)");
    private static final Logger LOG = Logger.getLogger(SiteServlet.class.getName());

    @Inject
    SiteStorage storage;

    @Inject
    Waitlist waitlist;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, true);
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, false);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        protect(response);
        Matcher address = ADDRESS.matcher(Optional.ofNullable(request.getPathInfo()).orElse(""));
        if (!address.matches() || !"/waitlist".equals(address.group(2))) {
            refuse(request, response, Problem.of(405, "Only the waitlist form (POST /sites/{slug}/waitlist) takes a POST")
                    .with("allowed", "GET, HEAD"), "GET, HEAD");
            return;
        }
        String type = Optional.ofNullable(request.getContentType()).orElse("").toLowerCase(Locale.ROOT);
        if (!type.startsWith(FORM)) {
            refuse(request, response, Problem.of(415, "Send the waitlist form as " + FORM + " with a field email"), null);
            return;
        }
        String slug = address.group(1);
        String[] emails = Optional.ofNullable(request.getParameterValues("email")).orElse(new String[0]);
        try {
            if (request.getQueryString() != null) {
                throw new InvalidSignUp("email", "Send the address in the form body, not in the URL");
            }
            if (emails.length != 1) {
                throw new InvalidSignUp("email", "Send exactly one email field (got " + emails.length + ")");
            }
            if (!waitlist.signUp(slug, emails[0], request.getRemoteAddr())) {
                refuse(request, response, Problem.of(404, "No live site " + slug), null);
                return;
            }
        } catch (InvalidSignUp e) {
            refuse(request, response, Problem.of(400, e.getMessage()).with("field", e.field()), null);
            return;
        } catch (SignUpThrottled e) {
            response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
            refuse(request, response, Problem.of(429, "Too many sign-ups from your address on this site; try again in "
                    + e.retryAfterSeconds() + " s"), null);
            return;
        } catch (RuntimeException e) {
            outage(request, response, e);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + "/sites/" + slug + "/thanks.html");
        response.setHeader("Cache-Control", "no-store");
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        protect(response);
        refuse(request, response, Problem.of(405, "Sites are read-only: GET or HEAD, and POST to the waitlist form"), "GET, HEAD, POST");
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        doPut(request, response);
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, boolean body) throws IOException {
        protect(response);
        String pathInfo = Optional.ofNullable(request.getPathInfo()).orElse("");
        Matcher address = ADDRESS.matcher(pathInfo);
        if (!address.matches()) {
            refuse(request, response, Problem.of(404, "No site at " + request.getRequestURI()
                    + "; a site lives at /sites/{slug}/"), null);
            return;
        }
        String slug = address.group(1);
        if (address.group(2) == null) {
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", request.getContextPath() + "/sites/" + slug + "/");
            return;
        }
        String path = address.group(2).substring(1);
        path = path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
        Optional<SiteFile> file;
        try {
            file = FILE.matcher(path).matches() ? storage.liveFile(slug, path) : Optional.empty();
        } catch (RuntimeException e) {
            outage(request, response, e);
            return;
        }
        if (file.isEmpty()) {
            refuse(request, response, Problem.of(404, "No file " + path + " on a live site " + slug
                    + " (a site goes live when its business succeeds)"), null);
            return;
        }
        SiteFile found = file.get();
        response.setHeader("ETag", found.etag());
        response.setHeader("Cache-Control", SiteFile.HTML.equals(found.contentType()) ? HTML_CACHE : ASSET_CACHE);
        if (matches(request.getHeader("If-None-Match"), found.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(found.contentType());
        response.setContentLength(found.body().length);
        if (body) {
            response.getOutputStream().write(found.body());
        }
    }

    /** The headers every answer of a site carries, set before anything is written. */
    private static void protect(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        return ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag));
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, Problem problem, String allow)
            throws IOException {
        if (allow != null) {
            response.setHeader("Allow", allow);
        }
        response.setHeader("Cache-Control", "no-store");
        ServletProblems.write(response, problem.withInstance(request.getRequestURI()));
    }

    private static void outage(HttpServletRequest request, HttpServletResponse response, RuntimeException e) throws IOException {
        LOG.log(Level.WARNING, "Site request " + request.getMethod() + " " + request.getRequestURI() + " failed: " + e, e);
        response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_OUTAGE_SECONDS));
        refuse(request, response, Problem.of(503, "The site store is unavailable; try again shortly"), null);
    }
}
