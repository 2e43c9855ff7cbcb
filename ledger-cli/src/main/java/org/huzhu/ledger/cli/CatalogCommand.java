package org.huzhu.ledger.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.huzhu.ledger.CatalogItem;
import org.huzhu.ledger.Ledger;
import org.huzhu.ledger.Publication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code huzhu catalog}: publish the catalog of items points buy, or show it with stock left. */
@Command(
    name = "catalog",
    mixinStandardHelpOptions = true,
    description = "Publish or show the catalog of items that points buy.",
    subcommands = {CatalogCommand.Publish.class, CatalogCommand.Show.class},
    footer = {"", "Example:", "  huzhu catalog publish catalog.json && huzhu catalog show"})
final class CatalogCommand extends CommandGroup {

  /** {@code huzhu catalog publish FILE}. */
  @Command(
      name = "publish",
      mixinStandardHelpOptions = true,
      description = "Publish a catalog.json (journaled); it replaces the catalog in force; an identical repeat is a no-op.",
      footer = {"", "Example:", "  huzhu catalog publish catalog.json --format json"})
  static final class Publish extends PublishCli {
    @Override
    Publication publish(Ledger ledger, byte[] bytes, String name) {
      return ledger.publishCatalog(bytes, name);
    }

    @Override
    String what() {
      return "catalog";
    }
  }

  /** {@code huzhu catalog show}. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Show the catalog in force, by item id, with the stock left of each item.",
      footer = {"", "Example:", "  huzhu catalog show --format json"})
  static final class Show extends Cli {
    @Override
    int run() {
      List<Item> items = new ArrayList<>();
      try (Ledger ledger = openReader()) {
        List<CatalogItem> catalog = new ArrayList<>(ledger.catalog());
        catalog.sort(java.util.Comparator.comparing(CatalogItem::id));
        for (CatalogItem i : catalog) {
          OptionalLong left = ledger.stockLeft(i.id());
          items.add(new Item(i, left.isPresent() ? left.getAsLong() : null));
        }
      }
      print(output(items));
      return Huzhu.OK;
    }
  }

  record Item(CatalogItem item, Long stockLeft) {}

  static Output output(List<Item> items) {
    return new Output() {
      @Override
      public Object json() {
        List<Object> list = new ArrayList<>();
        for (Item x : items) {
          CatalogItem i = x.item();
          list.add(
              Json.obj(
                  "id", i.id(),
                  "name", i.name(),
                  "merchant", i.merchant(),
                  "price_points", i.pricePoints(),
                  "stock", i.stock(),
                  "stock_left", x.stockLeft(),
                  "limit_per_member_per_month", i.limitPerMemberPerMonth()));
        }
        return Json.obj("items", list);
      }

      @Override
      public String csv(Messages msg) {
        Csv c = new Csv().row("id", "name", "merchant", "price_points", "stock", "stock_left", "limit_per_member_per_month");
        for (Item x : items) {
          CatalogItem i = x.item();
          c.raw(i.id()).text(i.name()).raw(i.merchant()).raw(i.pricePoints()).raw(i.stock()).raw(x.stockLeft())
              .raw(i.limitPerMemberPerMonth()).end();
        }
        return c.toString();
      }

      @Override
      public String table(Messages msg) {
        Table t =
            new Table(
                msg.get("h.item"), msg.get("h.name"), msg.get("h.merchant"), ">" + msg.get("h.price"),
                ">" + msg.get("h.stock"), ">" + msg.get("h.stock-left"), ">" + msg.get("h.limit"));
        for (Item x : items) {
          CatalogItem i = x.item();
          t.add(
              i.id(), i.name(), i.merchant(), i.pricePoints(),
              i.stock() == null ? "-" : i.stock(),
              x.stockLeft() == null ? "-" : x.stockLeft(),
              i.limitPerMemberPerMonth() == null ? "-" : i.limitPerMemberPerMonth());
        }
        return t.toString();
      }
    };
  }
}
