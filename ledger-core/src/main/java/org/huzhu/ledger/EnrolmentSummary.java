package org.huzhu.ledger;

/**
 * What enrolling a members file did.
 *
 * @param enrolled members enrolled for the first time
 * @param changed members whose team or grid changed
 * @param unchanged members already enrolled as listed
 */
public record EnrolmentSummary(int enrolled, int changed, int unchanged) {}
