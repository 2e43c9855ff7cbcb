package org.huzhu.ledger.rules;

import java.time.LocalDate;

/** Interim shape of a rule version; replaced by the full accrual rules. */
public record RuleVersion(int version, LocalDate effectiveFrom, Integer pointsExpireMonths, long hoursCreditLimitMinutes) {}
