package io.scimbus.policy.discovery;

/**
 * What the suite offers a tenant, as {@code ServiceProviderConfig} states it (RFC 7643 §5). The limits are the ones
 * actually enforced: the gateway's body limit and bulk size, and the list page maximum of the resource services.
 */
public record ServiceFeatures(
    boolean patch,
    boolean bulk,
    int bulkMaxOperations,
    long maxPayloadBytes,
    boolean filter,
    int filterMaxResults,
    boolean changePassword,
    boolean sort,
    boolean etag) {

  /** Everything scimbus implements, with the given limits. */
  public static ServiceFeatures all(int bulkMaxOperations, long maxPayloadBytes, int filterMaxResults) {
    return new ServiceFeatures(true, true, bulkMaxOperations, maxPayloadBytes, true, filterMaxResults, false, true,
        true);
  }
}
