package io.genesis.dashboard;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /dashboard/config.json}: the dashboard's sign-in settings ({@link DashboardSignIn}), open without a token
 * like the page that reads them. They are public by nature (issuer, client id, scopes of a public client); nothing
 * else is served here.
 */
@WebServlet("/dashboard/config.json")
public class DashboardConfigServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = DashboardSignIn.from(ConfigProvider.getConfig()).json().toString().getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
