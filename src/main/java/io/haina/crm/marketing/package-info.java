/**
 * Marketing: capturing and nurturing demand before sales takes it on — web-to-lead forms now;
 * campaigns, e-mail and scoring as they arrive. Other modules hear of it through the events of
 * this package (for example {@link io.haina.crm.marketing.WebFormLeadCreated}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Marketing")
package io.haina.crm.marketing;
