package io.haina.crm.testsupport;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript: keeps cookies, sends forms with the CSRF token of the last page
 * it read, does not follow redirects (tests look at them). For the API it sends JSON.
 */
public final class WebClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String csrf;
    private String language = "zh-CN";

    public WebClient(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public WebClient language(String tag) {
        this.language = tag;
        return this;
    }

    public CookieManager cookies() {
        return cookies;
    }

    public HttpResponse<String> get(String path) {
        return remember(send(request(path).GET().build()));
    }

    /** Follows redirects of a GET, as a browser would, and returns the final page. */
    public HttpResponse<String> open(String path) {
        HttpResponse<String> response = get(path);
        for (int i = 0; i < 5 && response.statusCode() / 100 == 3; i++) {
            String location = response.headers().firstValue("Location").orElseThrow();
            response = get(location.startsWith("http") ? URI.create(location).getRawPath()
                    + (URI.create(location).getRawQuery() == null ? "" : "?" + URI.create(location).getRawQuery()) : location);
        }
        return response;
    }

    /** Posts a form with the CSRF token of the last page read (read {@code csrfFrom} first if none). */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        Map<String, String> body = new LinkedHashMap<>(form);
        if (csrf != null && !body.containsKey("_csrf")) {
            body.put("_csrf", csrf);
        }
        return remember(send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(body))).build()));
    }

    /** Signs in through the login form. */
    public HttpResponse<String> login(String username, String password) {
        get("/login");
        return post("/login", Map.of("username", username, "password", password));
    }

    /** Signs in to the API and returns the bearer token it hands out. */
    public String apiToken(String username, String password) {
        HttpResponse<String> response = json("POST", "/api/v1/auth/login",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", null);
        Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("API sign-in of " + username + " failed: " + response.body());
        }
        return token.group(1);
    }

    public HttpResponse<String> json(String method, String path, String json, String bearer) {
        HttpRequest.Builder builder = request(path).header("Accept", "application/json");
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        HttpRequest.BodyPublisher publisher = json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json);
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        return send(builder.method(method, publisher).build());
    }

    /**
     * Posts a multipart form with one file, as a browser's file upload does: with the CSRF token
     * of the last page read, or with a bearer token for the API.
     */
    public HttpResponse<String> upload(String path, Map<String, String> fields, String fileName, byte[] content,
                                       String bearer) {
        return upload(path, fields, List.of(new FilePart("file", fileName, content)), bearer);
    }

    /** A file sent in a multipart form: the form field it is chosen in, its name, its bytes. */
    public record FilePart(String field, String fileName, byte[] content) {
    }

    /**
     * Posts a multipart form with any number of files (none: a form whose file input was left empty
     * sends an empty part, as browsers do), with the CSRF token of the last page read, or with a
     * bearer token for the API.
     */
    public HttpResponse<String> upload(String path, Map<String, String> fields, List<FilePart> files, String bearer) {
        String boundary = "----haina" + System.nanoTime();
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (bearer == null && csrf != null && !all.containsKey("_csrf")) {
            all.put("_csrf", csrf);
        }
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        all.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        for (FilePart file : files) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field() + "\"; filename=\""
                    + file.fileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder builder = request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary);
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer).header("Accept", "application/json");
        }
        return remember(send(builder.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build()));
    }

    /** A GET whose body is kept as bytes (a downloaded file); with a bearer token for the API. */
    public HttpResponse<byte[]> download(String path, String bearer) {
        HttpRequest.Builder builder = request(path).GET();
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", language);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> remember(HttpResponse<String> response) {
        Matcher m = CSRF.matcher(response.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return response;
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
