package io.haina.crm.platform.web;

import java.io.IOException;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem JSON outside of MVC (security filters answering 401, 403, 429). */
@Component
public class ProblemResponses {

    private final ShellFactory shells;
    private final JsonMapper json;

    ProblemResponses(ShellFactory shells, JsonMapper json) {
        this.shells = shells;
        this.json = json;
    }

    /** The problem as a response entity in the request's language; callers may add headers. */
    public ResponseEntity<ProblemDetail> entity(HttpServletRequest request, HttpStatus status, String messageKey,
                                                HttpHeaders headers) {
        ResponseEntity<ProblemDetail> problem = ErrorResponses.problem(shells.messages(request), status, messageKey, null,
                request.getRequestURI(), Map.of());
        return ResponseEntity.status(status).headers(problem.getHeaders()).headers(headers).body(problem.getBody());
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String messageKey,
                      Object... args) throws IOException {
        ProblemDetail problem = ErrorResponses.problem(shells.messages(request), status, messageKey, args,
                request.getRequestURI(), Map.of()).getBody();
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
