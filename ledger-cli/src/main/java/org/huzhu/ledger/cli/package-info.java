/**
 * The {@code huzhu} command line: one class per command, each a thin layer that parses arguments,
 * calls {@link org.huzhu.ledger.Ledger} and formats the result as a table, JSON or CSV. Only
 * {@link org.huzhu.ledger.cli.Huzhu} is public: its {@code main} and its {@code commandLine}
 * factory, which tests use to run commands in process.
 */
package org.huzhu.ledger.cli;
