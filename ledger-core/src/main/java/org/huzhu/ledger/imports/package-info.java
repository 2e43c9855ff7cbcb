/**
 * Reading the files users bring: sign-in sheets (CSV or JSON lines) and members files.
 *
 * <p>Design: bytes are decoded once through a strict {@link java.nio.charset.CharsetDecoder} while
 * they are hashed, so a file is read in one pass whose SHA-256 names the import; a hand-written
 * RFC 4180 tokenizer counts physical lines exactly (LF, CRLF and a lone CR, inside quotes too) and
 * retains only the columns it needs, each capped, so no input can make memory grow without bound.
 * This package decides only whether a row is readable ({@code malformed}) or a file acceptable
 * ({@code bad-file}); every other reason is the ledger's.
 */
package org.huzhu.ledger.imports;
