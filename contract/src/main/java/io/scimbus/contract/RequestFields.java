package io.scimbus.contract;

/** Field names of the JSON body of a bus request. */
public final class RequestFields {
  /** Resource id from the URL. */
  public static final String ID = "id";
  /** The client's JSON body (resource, PatchOp, SearchRequest). */
  public static final String BODY = "body";
  /** Query parameters, single-valued: filter, startIndex, count, attributes, excludedAttributes, sortBy, sortOrder. */
  public static final String QUERY = "query";
  /** Absolute base URL of the tenant's SCIM endpoint, for {@code meta.location}. */
  public static final String BASE_URL = "baseUrl";
  /** {@code If-Match} header value, when sent. */
  public static final String IF_MATCH = "ifMatch";
  /** {@code If-None-Match} header value, when sent. */
  public static final String IF_NONE_MATCH = "ifNoneMatch";
  /**
   * Discovery requests: the largest body the gateway accepts, in bytes. The gateway enforces it, so the gateway says
   * what it is and {@code ServiceProviderConfig} cannot drift from it.
   */
  public static final String MAX_PAYLOAD_BYTES = "maxPayloadBytes";
  /** Discovery requests: the most operations the gateway executes in one {@code /Bulk} request. */
  public static final String MAX_BULK_OPERATIONS = "maxBulkOperations";

  private RequestFields() {
  }
}
