package io.haina.crm.sales.pool;

/** A user, or a whole department with the departments below it, belonging to a pool; administrators are users. */
public record PoolMember(Long userId, Long departmentId, boolean admin) {

    public static PoolMember user(long userId, boolean admin) {
        return new PoolMember(userId, null, admin);
    }

    public static PoolMember department(long departmentId) {
        return new PoolMember(null, departmentId, false);
    }
}
