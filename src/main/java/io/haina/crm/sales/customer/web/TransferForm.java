package io.haina.crm.sales.customer.web;

import java.util.List;

/**
 * The transfer form as sent: the customers, the receiver, what goes along, and where to go back
 * to (a customer list or page; anything else goes to the list, so the form is no open redirect).
 */
public record TransferForm(List<Long> ids, Long toUserId, boolean contacts, boolean leads, boolean tasks, String back) {

    static final String LIST = "/o/customer";

    public TransferForm {
        ids = List.copyOf(ids);
    }

    public String returnTo() {
        boolean safe = back != null && (back.equals(LIST) || back.startsWith(LIST + "?") || back.startsWith(LIST + "/"))
                && !back.contains("//") && !back.contains("\\");
        if (safe) {
            return back;
        }
        return ids.size() == 1 ? LIST + "/" + ids.getFirst() : LIST;
    }
}
