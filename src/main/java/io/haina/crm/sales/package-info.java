/**
 * Selling: products and price books now; leads, customers, opportunities, quotes, contracts,
 * payments and invoices as they arrive. Objects are declared on the record engine.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sales")
package io.haina.crm.sales;
