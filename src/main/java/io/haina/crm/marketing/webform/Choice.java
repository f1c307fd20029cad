package io.haina.crm.marketing.webform;

/** One option of a select on a page: its stored code and its label in the page's language. */
public record Choice(String code, String label) {
}
