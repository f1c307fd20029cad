package io.haina.crm.testsupport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * The server's own time per request, for benchmarks: from the moment the first filter sees a
 * request to the moment the last one hands the written answer back to Tomcat. Everything Haina
 * does is inside (security, session, controller, SQL, rendering, waiting for a carrier thread or a
 * database connection); what the client does, and the loopback between, is not. It records only
 * between {@link #start()} and {@link #stop()}, so every other test pays one volatile read.
 */
public class ServerTimes implements Filter {

    private final ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
    private volatile boolean recording;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!recording) {
            chain.doFilter(request, response);
            return;
        }
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            nanos.add(System.nanoTime() - start);
        }
    }

    /** Forgets what was recorded and records every request from now on. */
    public void start() {
        nanos.clear();
        recording = true;
    }

    /** Stops recording; the milliseconds of each request recorded since {@link #start()}. */
    public List<Double> stop() {
        recording = false;
        List<Double> millis = new ArrayList<>(nanos.size());
        nanos.forEach(n -> millis.add(n / 1e6));
        return millis;
    }
}
