package io.haina.crm.platform.web;

/** The thing asked for does not exist, or the user may not know that it does (both answer 404). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what);
    }
}
