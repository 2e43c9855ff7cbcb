package org.huzhu.ledger;

import java.util.Objects;

/**
 * An account of the ledger, named as in the contract: {@code member:<id>}, {@code merchant:<id>},
 * {@code community:issued}, {@code community:expired}, {@code community:pool} or {@code
 * community:settled}.
 *
 * @param name the account's full name
 */
public record Account(String name) implements Comparable<Account> {
  /** Where credited points and minutes come from. */
  public static final Account ISSUED = new Account("community:issued");
  /** Where expired points go. */
  public static final Account EXPIRED = new Account("community:expired");
  /** The community's donated-hours pool. */
  public static final Account POOL = new Account("community:pool");
  /** Points the community has paid merchants for. */
  public static final Account SETTLED = new Account("community:settled");

  /**
   * @throws IllegalArgumentException if {@code name} is not one of the contract's account names
   */
  public Account {
    Objects.requireNonNull(name, "name");
    boolean ok =
        switch (name) {
          case "community:issued", "community:expired", "community:pool", "community:settled" ->
              true;
          default ->
              (name.startsWith("member:") && isId(name, 7))
                  || (name.startsWith("merchant:") && isId(name, 9));
        };
    if (!ok) {
      throw new IllegalArgumentException("not an account name: '" + name + "'");
    }
  }

  /** Whether {@code name} from {@code from} on matches {@code [A-Za-z0-9._-]{1,64}}. */
  static boolean isId(String name, int from) {
    int n = name.length() - from;
    if (n < 1 || n > 64) {
      return false;
    }
    for (int i = from; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static final java.util.Map<String, Account> KNOWN = new java.util.concurrent.ConcurrentHashMap<>();

  /** The account named {@code name}; equal names give the same instance, so replay allocates little. */
  static Account named(String name) {
    Account a = KNOWN.get(name);
    if (a == null) {
      a = new Account(name);
      if (KNOWN.size() < 1_000_000) {
        KNOWN.putIfAbsent(name, a);
      }
    }
    return a;
  }

  /**
   * The account of member {@code memberId}.
   *
   * @throws IllegalArgumentException if the id does not match {@code [A-Za-z0-9._-]{1,64}}
   */
  public static Account member(String memberId) {
    Account known = KNOWN.get("member:" + Objects.requireNonNull(memberId, "member"));
    return known != null ? known : named("member:" + plainId("member", memberId));
  }

  /**
   * The account of merchant {@code merchantId}.
   *
   * @throws IllegalArgumentException if the id does not match {@code [A-Za-z0-9._-]{1,64}}
   */
  public static Account merchant(String merchantId) {
    Account known = KNOWN.get("merchant:" + Objects.requireNonNull(merchantId, "merchant"));
    return known != null ? known : named("merchant:" + plainId("merchant", merchantId));
  }

  private static String plainId(String what, String id) {
    if (!Texts.isPlainId(id)) {
      throw new IllegalArgumentException(what + " id '" + id + "' must match [A-Za-z0-9._-]{1,64}");
    }
    return id;
  }

  /** Whether this is a member's account. */
  public boolean isMember() {
    return name.startsWith("member:");
  }

  /** Whether this is a merchant's account. */
  public boolean isMerchant() {
    return name.startsWith("merchant:");
  }

  /** The member or merchant id of this account, or null for a community account. */
  public String ownerId() {
    int colon = name.indexOf(':');
    return name.startsWith("community:") ? null : name.substring(colon + 1);
  }

  /** Orders by the name's UTF-8 bytes, as balance listings are sorted. */
  @Override
  public int compareTo(Account other) {
    return Texts.compareUtf8(name, other.name);
  }

  @Override
  public String toString() {
    return name;
  }
}
