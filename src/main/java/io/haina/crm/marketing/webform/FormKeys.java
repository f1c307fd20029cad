package io.haina.crm.marketing.webform;

import java.security.SecureRandom;

/**
 * The public keys of hosted form pages: 22 base62 characters (about 131 bits) from a
 * SecureRandom, so that nobody finds a form by trying keys, and a key says nothing about the form.
 */
final class FormKeys {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int LENGTH = 22;
    private static final SecureRandom RANDOM = new SecureRandom();

    private FormKeys() {
    }

    static String random() {
        StringBuilder key = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            key.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return key.toString();
    }

    /** Whether the text could be a key at all: anything else is answered 404 without a database query. */
    static boolean looksValid(String key) {
        return key != null && key.length() == LENGTH && key.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }
}
