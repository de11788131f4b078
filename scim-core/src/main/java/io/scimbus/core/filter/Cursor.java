package io.scimbus.core.filter;

import io.scimbus.core.error.ScimException;
import java.util.function.Function;

/**
 * A read position in filter or path text. Positions in error details are 1-based, because they are read by humans
 * counting characters, and every error goes through one factory so a PATCH path reports invalidPath while a filter
 * reports invalidFilter for the same mistake.
 */
final class Cursor {
  private final String text;
  private final Function<String, ScimException> errors;
  private int index;

  Cursor(String text, Function<String, ScimException> errors) {
    this.text = text;
    this.errors = errors;
  }

  String text() {
    return text;
  }

  int index() {
    return index;
  }

  /** The 1-based position of the next character, as reported in error details. */
  int position() {
    return index + 1;
  }

  boolean atEnd() {
    return index >= text.length();
  }

  char peek() {
    return text.charAt(index);
  }

  boolean peekIs(char c) {
    return !atEnd() && text.charAt(index) == c;
  }

  char next() {
    return text.charAt(index++);
  }

  void skipWhitespace() {
    while (!atEnd() && Character.isWhitespace(peek())) {
      index++;
    }
  }

  /** Reads a run of ASCII letters: the shape of every keyword and operator of the grammar. */
  String readWord() {
    int start = index;
    while (!atEnd() && isAsciiLetter(peek())) {
      index++;
    }
    return text.substring(start, index);
  }

  /** Reads a run of characters that may belong to an attribute path, URN included. */
  String readPathToken() {
    int start = index;
    while (!atEnd() && isPathChar(peek())) {
      index++;
    }
    return text.substring(start, index);
  }

  /** The next word without consuming it, for deciding between grammar alternatives. */
  String peekWord() {
    int saved = index;
    String word = readWord();
    index = saved;
    return word;
  }

  void reset(int savedIndex) {
    index = savedIndex;
  }

  /** A short quote of what follows, so a detail shows what was found instead of what was expected. */
  String describeNext() {
    if (atEnd()) {
      return "end of input";
    }
    int end = Math.min(text.length(), index + 12);
    return "\"" + text.substring(index, end) + (end < text.length() ? "..." : "") + "\"";
  }

  ScimException fail(String detail) {
    return errors.apply(detail);
  }

  static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static boolean isNameChar(char c) {
    return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '$';
  }

  private static boolean isPathChar(char c) {
    return isNameChar(c) || c == '.' || c == ':';
  }
}
