package org.huzhu.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the ledger keeps per member. Mutated only by the fold ({@link Fold}); a transaction
 * works on a copy so that what it decides can be discarded.
 *
 * <p>The copy shares the lots ({@link Lots#copy}): a member gains a lot with every credit, and
 * copying them all made every command cost more the longer the member had volunteered.
 */
final class MemberState {
  /** A credit's sign-in interval, half-open, in nanoseconds since the epoch. */
  record Interval(long start, long end, long creditSeq) {}

  /** The member's team and grid from an effective date on. */
  record Affiliation(LocalDate from, String team, String grid) {}

  final String id;
  LocalDate joinedOn;
  List<Affiliation> affiliations = new ArrayList<>();
  int enrolments;
  long points;
  long minutes;
  /** Minutes credited by sign-ins, net of reversed ones: the service record. */
  long serviceMinutes;
  /** Minutes added by adjustments, shown apart. */
  long backfilledMinutes;
  /** Latest effective date of an entry with a non-zero posting to this member. */
  LocalDate lastPosted;
  boolean everPosted;
  Lots lots = new Lots();
  DayPoints dayPoints = new DayPoints();
  Intervals intervals = new Intervals();
  Map<String, Long> monthlyQuantity = new HashMap<>();

  MemberState(String id) {
    this.id = id;
  }

  MemberState copy() {
    MemberState m = new MemberState(id);
    m.joinedOn = joinedOn;
    m.affiliations = new ArrayList<>(affiliations);
    m.enrolments = enrolments;
    m.points = points;
    m.minutes = minutes;
    m.serviceMinutes = serviceMinutes;
    m.backfilledMinutes = backfilledMinutes;
    m.lastPosted = lastPosted;
    m.everPosted = everPosted;
    m.lots = lots.copy();
    m.dayPoints = dayPoints.copy();
    m.intervals = intervals.copy();
    m.monthlyQuantity = new HashMap<>(monthlyQuantity);
    return m;
  }

  /** The lot of the entry {@code seq} as it stands now; null when there is none. */
  Lot lot(long seq) {
    int i = lots.indexOf(seq);
    return i < 0 ? null : lots.get(i);
  }

  String team() {
    return affiliations.isEmpty() ? null : affiliations.get(affiliations.size() - 1).team();
  }

  String grid() {
    return affiliations.isEmpty() ? null : affiliations.get(affiliations.size() - 1).grid();
  }

  /** The team and grid in force on {@code day}. */
  Affiliation affiliationOn(LocalDate day) {
    Affiliation found = affiliations.isEmpty() ? null : affiliations.get(0);
    for (Affiliation a : affiliations) {
      if (!a.from().isAfter(day)) {
        found = a;
      }
    }
    return found;
  }

  /** Points in lots spendable on {@code day}, oldest first. */
  long spendablePoints(LocalDate day) {
    long d = day.toEpochDay();
    long sum = 0;
    for (int i = 0; i < lots.size(); i++) {
      if (!lots.expired(i) && !lots.isDueOn(i, d)) {
        sum += lots.remaining(i);
      }
    }
    return sum;
  }

  /** The sign-in interval overlapping [start, end) other than the credit {@code ownSeq}'s, if any. */
  Interval overlapping(long start, long end, long ownSeq) {
    int i = intervals.overlapping(start, end, ownSeq);
    return i < 0 ? null : new Interval(intervals.start(i), intervals.end(i), intervals.creditSeq(i));
  }

  static String monthKey(LocalDate day, String item) {
    return day.getYear() + "-" + day.getMonthValue() + "|" + item;
  }
}
