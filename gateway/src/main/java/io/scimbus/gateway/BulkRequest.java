package io.scimbus.gateway;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** A parsed bulk request: its operations in order and how many errors end it ({@code failOnErrors}). */
record BulkRequest(int failOnErrors, List<BulkOperation> operations) {
  /** Without {@code failOnErrors} every operation is attempted, however many fail (RFC 7644 §3.7.3). */
  static final int NO_LIMIT = Integer.MAX_VALUE;

  BulkRequest {
    operations = List.copyOf(operations);
  }

  boolean stopsAfter(int errors) {
    return errors >= failOnErrors;
  }

  Set<String> declaredBulkIds() {
    return operations.stream().map(BulkOperation::bulkId).filter(Objects::nonNull).collect(Collectors.toSet());
  }
}
