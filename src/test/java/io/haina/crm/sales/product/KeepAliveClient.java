package io.haina.crm.sales.product;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A load generator's HTTP/1.1 client, as cheap as the benchmark can make it so that it leaves the
 * shared CPU to the server: one kept-alive connection, the request written from bytes prepared
 * once, the answer read to its end (Content-Length or chunked) and only its status looked at.
 * When the server closes the connection (Tomcat does after 100 requests on one) the next request
 * opens another, as any client would.
 */
final class KeepAliveClient {

    private final int port;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveClient(int port) {
        this.port = port;
    }

    /** A GET of the path with these extra header lines ({@code "Name: value"}). */
    static byte[] get(int port, String path, String... headers) {
        StringBuilder request = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\nHost: localhost:").append(port)
                .append("\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        return request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Sends the request and reads the whole answer; throws unless it is a 200. */
    void send(byte[] request) {
        boolean reused = socket != null;
        try {
            exchange(request);
        } catch (IOException e) {
            socket = null;
            if (!reused) {
                throw new UncheckedIOException(e);
            }
            // The server may have closed an idle kept-alive connection: once more on a new one.
            try {
                exchange(request);
            } catch (IOException again) {
                socket = null;
                throw new UncheckedIOException(again);
            }
        }
    }

    private void exchange(byte[] request) throws IOException {
        {
            if (socket == null) {
                socket = new Socket(InetAddress.getLoopbackAddress(), port);
                socket.setTcpNoDelay(true);
                in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
                out = socket.getOutputStream();
            }
            out.write(request);
            out.flush();
            String status = line();
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).strip());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            body.reset();
            if (chunked) {
                for (int size = chunkSize(); size > 0; size = chunkSize()) {
                    copy(size);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers: none expected, read past them
                }
            } else if (length >= 0) {
                copy(length);
            }
            if (close) {
                socket.close();
                socket = null;
            }
            if (!status.startsWith("HTTP/1.1 200")) {
                throw new IllegalStateException("answered " + status + ": " + body.toString(StandardCharsets.UTF_8));
            }
        }
    }

    private int chunkSize() throws IOException {
        String size = line();
        int extension = size.indexOf(';');
        return Integer.parseInt((extension < 0 ? size : size.substring(0, extension)).strip(), 16);
    }

    private void copy(long count) throws IOException {
        byte[] buffer = new byte[8192];
        for (long left = count; left > 0; ) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new IOException("connection closed in the middle of an answer");
            }
            body.write(buffer, 0, read);
            left -= read;
        }
    }

    /** One header or chunk line, without its CRLF (headers are ASCII). */
    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed by the server");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
