package io.haina.crm.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.haina.crm.HainaApplication;

/**
 * HotSpot never compiles a method of more than 8,000 bytes of bytecode ({@code HugeMethodLimit});
 * it runs interpreted, ten times slower or worse, for as long as the server runs. A template grows
 * into one easily: jte turns each template into one method, and the record list's had reached
 * 10,600 bytes, the largest single cost of every list page. So every method of Haina's classes
 * and its compiled templates must stay under the limit (static initialisers, run once, aside).
 */
class JitCompilableMethodsTest {

    /** HotSpot's {@code -XX:HugeMethodLimit}, on by default ({@code -XX:+DontCompileHugeMethods}). */
    static final int HUGE_METHOD_LIMIT = 8_000;

    @Test
    void noMethodIsTooLargeForTheJit() throws Exception {
        Path classes = Path.of(HainaApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> tooLarge = new ArrayList<>();
        int methods = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                for (MethodSize method : MethodSize.of(file)) {
                    methods++;
                    if (method.bytes() > HUGE_METHOD_LIMIT && !method.name().equals("<clinit>")) {
                        tooLarge.add(classes.relativize(file) + " " + method.name() + ": " + method.bytes() + " bytes");
                    }
                }
            }
        }
        assertThat(methods).as("methods read from %s", classes).isGreaterThan(1_000);
        assertThat(tooLarge).as("methods the JIT will not compile; split them (a template: into sub-templates)").isEmpty();
    }

    @Test
    void readsTheSizeOfAMethod() throws IOException, URISyntaxException {
        Path self = Path.of(JitCompilableMethodsTest.class.getResource("JitCompilableMethodsTest.class").toURI());
        List<MethodSize> sizes = MethodSize.of(self);
        assertThat(sizes).extracting(MethodSize::name).contains("noMethodIsTooLargeForTheJit", "readsTheSizeOfAMethod");
        assertThat(sizes).allSatisfy(size -> assertThat(size.bytes()).isBetween(1, HUGE_METHOD_LIMIT));
    }

    /** A method and the length of its bytecode, read from a class file (JVM specification, chapter 4). */
    record MethodSize(String name, int bytes) {

        static List<MethodSize> of(Path classFile) throws IOException {
            try (InputStream stream = Files.newInputStream(classFile)) {
                DataInputStream in = new DataInputStream(stream);
                in.skipNBytes(8); // magic, minor and major version
                String[] utf8 = new String[in.readUnsignedShort()];
                for (int i = 1; i < utf8.length; i++) {
                    int tag = in.readUnsignedByte();
                    switch (tag) {
                        case 1 -> utf8[i] = in.readUTF();
                        case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                        case 15 -> in.skipNBytes(3);
                        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                        case 5, 6 -> {
                            in.skipNBytes(8);
                            i++; // a long or double takes two entries
                        }
                        default -> throw new IOException(classFile + ": unknown constant pool tag " + tag);
                    }
                }
                in.skipNBytes(6); // access flags, this class, super class
                in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
                int fields = in.readUnsignedShort();
                for (int f = 0; f < fields; f++) {
                    in.skipNBytes(6);
                    skipAttributes(in);
                }
                List<MethodSize> sizes = new ArrayList<>();
                int methods = in.readUnsignedShort();
                for (int m = 0; m < methods; m++) {
                    in.skipNBytes(2);
                    String name = utf8[in.readUnsignedShort()];
                    in.skipNBytes(2);
                    int attributes = in.readUnsignedShort();
                    for (int a = 0; a < attributes; a++) {
                        String attribute = utf8[in.readUnsignedShort()];
                        int length = in.readInt();
                        if (attribute.equals("Code")) {
                            in.skipNBytes(4); // max stack, max locals
                            int code = in.readInt();
                            sizes.add(new MethodSize(name, code));
                            in.skipNBytes(length - 8L);
                        } else {
                            in.skipNBytes(length);
                        }
                    }
                }
                return sizes;
            }
        }

        private static void skipAttributes(DataInputStream in) throws IOException {
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                in.skipNBytes(2);
                in.skipNBytes(in.readInt() & 0xFFFFFFFFL);
            }
        }
    }
}
