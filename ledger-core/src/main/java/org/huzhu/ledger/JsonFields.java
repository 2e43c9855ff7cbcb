package org.huzhu.ledger;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Field writers for the entry codecs, with each field name encoded once: an import writes a dozen
 * names for each of a million entries, and Jackson otherwise escapes every name again each time.
 * The bytes are those of the generator's own {@code write…Field} methods.
 */
final class JsonFields {
  private static final ConcurrentMap<String, SerializableString> NAMES = new ConcurrentHashMap<>();

  private JsonFields() {}

  private static SerializableString name(String field) {
    return Shared.get(NAMES, field, SerializedString::new);
  }

  static void string(JsonGenerator g, String field, String value) throws IOException {
    g.writeFieldName(name(field));
    g.writeString(value);
  }

  static void number(JsonGenerator g, String field, long value) throws IOException {
    g.writeFieldName(name(field));
    g.writeNumber(value);
  }

  static void bool(JsonGenerator g, String field, boolean value) throws IOException {
    g.writeFieldName(name(field));
    g.writeBoolean(value);
  }

  static void array(JsonGenerator g, String field) throws IOException {
    g.writeFieldName(name(field));
    g.writeStartArray();
  }

  static void object(JsonGenerator g, String field) throws IOException {
    g.writeFieldName(name(field));
    g.writeStartObject();
  }
}
