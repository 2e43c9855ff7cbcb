package org.huzhu.ledger;

import java.time.LocalDate;

/**
 * One member as the ledger knows them.
 *
 * @param memberId the id
 * @param joinedOn the day they joined
 * @param team their current team, or null
 * @param grid their current grid, or null
 * @param points spendable points (lots past their expiry stay here until {@code expire} runs)
 * @param minutes spendable minutes (may be negative down to the credit limit)
 * @param serviceMinutes minutes credited by verified sign-ins, net of reversals: the service record
 * @param backfilledMinutes minutes added by adjustments (not those taken away), shown apart
 */
public record MemberSummary(
    String memberId,
    LocalDate joinedOn,
    String team,
    String grid,
    long points,
    long minutes,
    long serviceMinutes,
    long backfilledMinutes) {}
