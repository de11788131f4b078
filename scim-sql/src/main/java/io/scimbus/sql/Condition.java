package io.scimbus.sql;

/**
 * What a filter asks of one attribute: presence, or a comparison with a literal. Presence tests a multi-valued
 * attribute as a whole (a non-empty array); a comparison tests its values one by one.
 */
interface Condition {

  Condition PRESENT = new Condition() {
    @Override
    public boolean isPresence() {
      return true;
    }

    @Override
    public String on(Operand operand) {
      return operand.present();
    }
  };

  boolean isPresence();

  /** The predicate over one value; may be NULL when the value is absent, which callers read as false. */
  String on(Operand operand);
}
