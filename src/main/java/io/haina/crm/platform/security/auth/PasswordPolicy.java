package io.haina.crm.platform.security.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a password must be: 12 to 128 characters, not built on a commonly breached password, and
 * not containing the username. "Built on" means: after lower-casing, undoing the usual letter
 * substitutions (p@ssw0rd) and stripping digits and symbols padded around it (Password2024!), what
 * is left is a known password, a single repeated character or a keyboard run. That refuses what
 * attackers try first without refusing long passphrases.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    private static final String KEYBOARD_RUNS = "1234567890 qwertyuiop asdfghjkl zxcvbnm abcdefghijklmnopqrstuvwxyz 0987654321 "
            + "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p qazwsxedcrfvtgbyhnujmikolp zaq1xsw2cde3vfr4bgt5nhy6mju7 "
            + "!@#$%^&*()_+ qwer1234 1234qwer";
    /** Words anyone guessing a Haina password tries first. */
    private static final java.util.List<String> PRODUCT_WORDS = java.util.List.of("haina", "海纳");

    private final Set<String> common;

    public PasswordPolicy() {
        this.common = load("security/common-passwords.txt");
    }

    /** The message key of the first rule the password breaks, or empty when it is acceptable. */
    public Optional<String> problem(String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("password.too-short");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("password.too-long");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("password.contains-username");
        }
        if (isCommon(lower)) {
            return Optional.of("password.common");
        }
        return Optional.empty();
    }

    boolean isCommon(String lower) {
        if (common.contains(lower)) {
            return true;
        }
        // Strip the padding first, then undo substitutions inside what is left: "P@ssw0rd2024!" -> "password".
        String core = stripPadding(lower);
        String unleeted = stripPadding(unleet(core));
        if (!core.isEmpty() && (common.contains(core) || common.contains(unleeted))) {
            return true;
        }
        String compact = lower.replaceAll("[^\\p{L}\\p{N}]", "");
        return isRunOrRepeat(compact) || isRunOrRepeat(core) || isRunOrRepeat(lower)
                || isRepeatedCommonWord(compact) || PRODUCT_WORDS.stream().anyMatch(compact::contains);
    }

    /** passwordpassword, iloveyouiloveyou, qwer1234qwer1234: a known password said twice is still known. */
    private boolean isRepeatedCommonWord(String s) {
        for (int period = 4; period <= s.length() / 2; period++) {
            String unit = s.substring(0, period);
            if (s.length() % period == 0 && unit.repeat(s.length() / period).equals(s)
                    && (common.contains(unit) || common.contains(stripPadding(unleet(unit))) || isRunOrRepeat(unit))) {
                return true;
            }
        }
        return false;
    }

    private static String stripPadding(String s) {
        return s.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
    }

    private static String unleet(String s) {
        return s.replace('@', 'a').replace('4', 'a').replace('3', 'e').replace('0', 'o').replace('1', 'i')
                .replace('$', 's').replace('5', 's').replace('7', 't').replace('!', 'i');
    }

    /** aaaaaaaaaaaa, 121212121212, abcabcabcabc, qwertyuiop, 1qaz2wsx3edc ... */
    private static boolean isRunOrRepeat(String s) {
        if (s.length() < 4) {
            return false;
        }
        for (int period = 1; period <= 4 && period < s.length(); period++) {
            if (s.length() % period == 0 && s.substring(0, period).repeat(s.length() / period).equals(s)) {
                return true;
            }
        }
        for (String run : KEYBOARD_RUNS.split(" ")) {
            if ((run + run).contains(s)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> load(String resource) {
        Set<String> words = new HashSet<>();
        try (var reader = new BufferedReader(new InputStreamReader(new ClassPathResource(resource).getInputStream(),
                StandardCharsets.UTF_8))) {
            reader.lines().map(String::strip).filter(w -> !w.isEmpty())
                    .map(w -> w.toLowerCase(Locale.ROOT)).forEach(words::add);
        } catch (IOException e) {
            throw new UncheckedIOException("missing " + resource, e);
        }
        return Set.copyOf(words);
    }
}
